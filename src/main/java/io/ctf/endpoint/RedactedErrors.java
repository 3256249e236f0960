package io.ctf.endpoint;

import io.ctf.composio.ComposioApiError;
import io.ctf.composio.ComposioAuthenticationFailed;
import io.ctf.composio.ComposioErrorBody;
import io.ctf.composio.ComposioUnavailable;

import java.util.Collection;

/**
 * Composio's error text may quote what it was sent (e.g. "invalid value 'xapp-…'"). Before such an
 * error leaves a function that wrote secrets, every secret value in it is replaced, keeping the
 * error's class, so its {@code errorType} stays the same.
 */
final class RedactedErrors {

    static final String REDACTED = "[redacted]";

    private RedactedErrors() {
    }

    static ComposioApiError redact(ComposioApiError error, Collection<String> secrets) {
        if (secrets.stream().noneMatch(secret -> contains(error.getMessage(), secret))) {
            return error;
        }
        ComposioErrorBody.Detail detail = new ComposioErrorBody.Detail(
                scrub(error.composioMessage(), secrets), error.code(), scrub(error.slug(), secrets), error.status(),
                scrub(error.requestId(), secrets), scrub(error.suggestedFix(), secrets),
                error.errors().stream().map(text -> scrub(text, secrets)).toList());
        ComposioApiError redacted;
        if (error instanceof ComposioAuthenticationFailed) {
            redacted = new ComposioAuthenticationFailed(error.status(), detail);
        } else if (error instanceof ComposioUnavailable unavailable) {
            redacted = new ComposioUnavailable(error.status(), detail, unavailable.retryAfter());
        } else {
            redacted = new ComposioApiError(error.status(), detail);
        }
        return redacted;
    }

    static String scrub(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                scrubbed = scrubbed.replace(secret, REDACTED);
            }
        }
        return scrubbed;
    }

    private static boolean contains(String text, String secret) {
        return text != null && !secret.isEmpty() && text.contains(secret);
    }
}
