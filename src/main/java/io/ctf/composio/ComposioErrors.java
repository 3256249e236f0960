package io.ctf.composio;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Turns an error answer from Composio into the exception a caller can act on. */
final class ComposioErrors {

    private ComposioErrors() {
    }

    static ComposioApiError fromResponse(Response response) {
        int status = response.getStatus();
        ComposioErrorBody.Detail detail = readDetail(response).without(apiKey());
        if (status == 401 || status == 403) {
            return new ComposioAuthenticationFailed(status, detail);
        }
        if (ComposioUnavailable.isTransient(status)) {
            return new ComposioUnavailable(status, detail, retryAfter(response.getHeaderString("Retry-After"), Instant.now()));
        }
        return new ComposioApiError(status, detail);
    }

    /** Composio's text goes into function errors and logs: should it ever quote the key, the key is cut out. */
    private static String apiKey() {
        // The key in use, whether configured or read from Secrets Manager.
        var key = io.quarkus.arc.Arc.container().instance(ComposioApiKey.class);
        String current = key.isAvailable() ? key.get().current() : null;
        return current != null ? current
                : ConfigProvider.getConfig().getOptionalValue("composio.api-key", String.class).orElse(null);
    }

    /** Lenient: a body that is missing, not JSON or of another shape yields an empty detail. */
    private static ComposioErrorBody.Detail readDetail(Response response) {
        try {
            if (response.hasEntity()) {
                ComposioErrorBody body = response.readEntity(ComposioErrorBody.class);
                if (body != null && body.error() != null) {
                    return body.error();
                }
            }
        } catch (RuntimeException notTheExpectedShape) {
            // fall through: the status alone still says enough
        }
        return ComposioErrorBody.Detail.EMPTY;
    }

    /** {@code Retry-After} is either delta-seconds or an HTTP date; anything else is ignored. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }
}
