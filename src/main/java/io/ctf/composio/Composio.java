package io.ctf.composio;

import io.ctf.metrics.ComposioStatus;
import io.ctf.metrics.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.function.Function;

/**
 * The one way the functions call Composio: {@code composio.call(api -> api.getTriggerType(slug, null))}.
 * <p>
 * Retries only what may succeed later (408, 429, 5xx, no connection), with exponential backoff or
 * Composio's {@code Retry-After}, at most 3 retries within 20 s ({@link Retries}; tunable through
 * {@code composio.retry.*}, see {@link ComposioConfig.Retry}). Every other 4xx is thrown at once.
 * The REST client is created on first use, so functions that never call Composio never pay for it.
 */
@ApplicationScoped
public class Composio {

    @Inject
    ComposioConfig config;

    @Inject
    @RestClient
    ComposioApi api;

    @Inject
    ComposioApiKey apiKey;

    @Inject
    Metrics metrics;

    public <T> T call(Function<ComposioApi, T> request) {
        String key = apiKey.get();
        int[] attempts = {0};
        try {
            return Retries.of(config.retry()).run(() -> attempt(request, attempts));
        } catch (ComposioAuthenticationFailed rejected) {
            // The key may have been rotated in Secrets Manager since it was read: read it again (rate-limited), try once more.
            if (rejected.status() == 401 && apiKey.refreshAfterRejection(key)) {
                return Retries.of(config.retry()).run(() -> attempt(request, attempts));
            }
            throw rejected;
        }
    }

    /** One attempt, counted as {@code ComposioCalls} by status class (and {@code ComposioRetries} after the first). */
    private <T> T attempt(Function<ComposioApi, T> request, int[] attempts) {
        boolean retry = attempts[0]++ > 0;
        try {
            T answer = request.apply(api);
            metrics.composioAttempt(ComposioStatus.S2XX, retry);
            return answer;
        } catch (ProcessingException e) {
            ComposioApiError answered = findApiError(e);
            if (answered != null) {
                metrics.composioAttempt(statusOf(answered), retry);
                throw answered;
            }
            metrics.composioAttempt(ComposioStatus.UNREACHABLE, retry);
            throw new ComposioUnavailable("no answer from " + config.baseUrl() + " (" + rootMessage(e) + ")", e);
        } catch (ComposioApiError answered) {
            metrics.composioAttempt(statusOf(answered), retry);
            throw answered;
        }
    }

    private static ComposioStatus statusOf(ComposioApiError error) {
        return error.status() == 0 ? ComposioStatus.UNREACHABLE : ComposioStatus.of(error.status());
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
