package io.ctf.trigger;

import io.ctf.composio.ComposioApiError;

/** Composio's request id, appended to our own messages so Composio's support can find the call. */
final class RequestId {

    private RequestId() {
    }

    static String suffix(ComposioApiError error) {
        return error == null || error.requestId() == null ? "" : " [Composio request id " + error.requestId() + "]";
    }
}
