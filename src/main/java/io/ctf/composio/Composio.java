package io.ctf.composio;

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

    public <T> T call(Function<ComposioApi, T> request) {
        if (config.apiKey().filter(key -> !key.isBlank()).isEmpty()) {
            throw ComposioAuthenticationFailed.missingKey();
        }
        return Retries.of(config.retry()).run(() -> attempt(request));
    }

    private <T> T attempt(Function<ComposioApi, T> request) {
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
