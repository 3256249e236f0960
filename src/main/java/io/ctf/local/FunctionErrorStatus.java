package io.ctf.local;

import io.ctf.composio.ComposioApiError;
import io.ctf.composio.ComposioUnavailable;
import io.ctf.lambda.CallerError;

/**
 * The HTTP status the local loop gives a function's failure. The split itself is
 * {@link CallerError}'s: the caller's errors are 400, Composio's 502 (503 when it is unavailable
 * and retrying later is right), ours 500.
 */
final class FunctionErrorStatus {

    private FunctionErrorStatus() {
    }

    static int of(Throwable failure) {
        if (failure instanceof CallerError) {
            return 400;
        }
        if (failure instanceof ComposioUnavailable) {
            return 503;
        }
        if (failure instanceof ComposioApiError) {
            return 502;
        }
        return 500;
    }
}
