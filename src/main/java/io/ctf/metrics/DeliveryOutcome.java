package io.ctf.metrics;

import java.util.Locale;

/** What became of one receiveWebhook invocation: the {@code Outcome} dimension of {@code Deliveries}. */
public enum DeliveryOutcome {
    /** 200: stored in the inbox for the first time. */
    STORED,
    /** 200: this webhook-id was already in the inbox. */
    DUPLICATE,
    /** 401: no valid signature, missing signature headers or a timestamp out of tolerance. */
    UNAUTHENTICATED,
    /** 400: authentic but empty, not JSON, or not valid base64. */
    MALFORMED,
    /** 413: body over the limit. */
    TOO_LARGE,
    /** 405: not a POST. */
    METHOD_NOT_ALLOWED,
    /** 503: no signing secret or no inbox table configured. */
    NOT_CONFIGURED,
    /** 503: the inbox write, or reading the signing secrets, failed; Composio delivers again. */
    STORE_FAILED;

    /** The dimension value: {@code stored}, {@code too_large}, ... */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
