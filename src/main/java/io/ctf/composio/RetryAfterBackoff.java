package io.ctf.composio;

/**
 * Waits what Composio asked for in {@code Retry-After}, else doubles the delay each attempt; never
 * more than {@link #MAX_DELAY_MS} at once (the retry's overall duration bounds the sum).
 * One instance per call.
 */
public class RetryAfterBackoff {

    static final long MAX_DELAY_MS = 5_000;

    private long next;

    public void init(long initialDelayInMillis) {
        next = initialDelayInMillis;
    }

    public long nextDelayInMillis(Throwable cause) {
        long exponential = next;
        next = Math.min(next * 2, MAX_DELAY_MS);
        if (cause instanceof ComposioUnavailable unavailable && unavailable.retryAfter() != null) {
            return Math.min(unavailable.retryAfter().toMillis(), MAX_DELAY_MS);
        }
        return Math.min(exponential, MAX_DELAY_MS);
    }
}
