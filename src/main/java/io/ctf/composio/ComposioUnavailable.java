package io.ctf.composio;

import java.time.Duration;

/**
 * Composio could not be reached, or kept answering 408, 429 or 5xx. Retried with backoff before it
 * reaches a caller; when a caller sees it, the retries are spent and trying again later is right.
 */
public class ComposioUnavailable extends ComposioApiError {

    private final transient Duration retryAfter;

    public ComposioUnavailable(int status, ComposioErrorBody.Detail detail, Duration retryAfter) {
        super(status, detail, "Composio is unavailable: " + describe(status, detail) + ". Try again later.");
        this.retryAfter = retryAfter;
    }

    /** A connection failure or timeout: no HTTP answer at all (status 0). */
    public ComposioUnavailable(String reason, Throwable cause) {
        super(0, null, "Composio is unavailable: " + reason + ". Try again later.");
        initCause(cause);
        this.retryAfter = null;
    }

    /** How long Composio asked us to wait (from {@code Retry-After}), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    static boolean isTransient(int status) {
        return status == 408 || status == 429 || status >= 500;
    }
}
