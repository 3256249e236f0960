package io.ctf.composio;

import io.smallrye.faulttolerance.api.CustomBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * The one way the functions call Composio: {@code composio.call(api -> api.getTriggerType(slug, null))}.
 * <p>
 * Retries only what may succeed later (408, 429, 5xx, no connection), with exponential backoff or
 * Composio's {@code Retry-After}, at most 3 retries within 20 s (tunable through MicroProfile Fault
 * Tolerance config, e.g. {@code io.ctf.composio.Composio/call/Retry/maxRetries}). Every other 4xx
 * is thrown at once. The REST client is created on first use, so functions that never call
 * Composio never pay for it.
 */
@ApplicationScoped
public class Composio {

    @Inject
    ComposioConfig config;

    @Inject
    @RestClient
    ComposioApi api;

    @Retry(maxRetries = 3, delay = 250, maxDuration = 20, durationUnit = ChronoUnit.SECONDS, jitter = 0,
            retryOn = ComposioUnavailable.class)
    @CustomBackoff(RetryAfterBackoff.class)
    public <T> T call(Function<ComposioApi, T> request) {
        if (config.apiKey().filter(key -> !key.isBlank()).isEmpty()) {
            throw ComposioAuthenticationFailed.missingKey();
        }
        try {
            return request.apply(api);
        } catch (ProcessingException e) {
            ComposioApiError answered = findApiError(e);
            if (answered != null) {
                throw answered;
            }
            throw new ComposioUnavailable("no answer from " + config.baseUrl() + " (" + rootMessage(e) + ")", e);
        }
    }

    private static ComposioApiError findApiError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ComposioApiError error) {
                return error;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
