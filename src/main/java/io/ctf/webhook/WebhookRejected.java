package io.ctf.webhook;

/**
 * A delivery refused with an HTTP status and a short reason that is safe to send back (it never
 * echoes a header, the body or a secret). Flow control inside receiveWebhook, hence no stack trace.
 */
final class WebhookRejected extends RuntimeException {

    private final int status;

    WebhookRejected(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    String reason() {
        return getMessage();
    }

    static final String NO_VALID_SIGNATURE = "no valid signature";

    /** No signing secret anywhere: a configuration to finish, not a failure to retry past. */
    static final String SECRET_NOT_CONFIGURED = "webhook secret is not configured";

    boolean isSecretNotConfigured() {
        return status == 503 && SECRET_NOT_CONFIGURED.equals(getMessage());
    }

    /** No signature matched any secret: the one refusal a freshly rotated secret could explain. */
    boolean isSignatureMismatch() {
        return status == 401 && NO_VALID_SIGNATURE.equals(getMessage());
    }

    static WebhookRejected unauthenticated(String reason) {
        return new WebhookRejected(401, reason);
    }
}
