package io.ctf.composio;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * How the function set reaches Composio. {@code COMPOSIO_API_KEY} and {@code COMPOSIO_BASE_URL}
 * map here. The key is optional so that functions which never call Composio (receiveWebhook)
 * start without it; a call made without it fails with {@link ComposioApiKeyNotConfigured}.
 */
@ConfigMapping(prefix = "composio")
public interface ComposioConfig {

    /**
     * Sent as {@code x-api-key}; never logged, never put in an error. When set ({@code COMPOSIO_API_KEY})
     * it wins over {@link #apiKeySecretArn()}.
     */
    Optional<String> apiKey();

    /**
     * {@code COMPOSIO_API_KEY_SECRET_ARN}: ARN (or name) of the Secrets Manager secret whose SecretString
     * is the key, read on the first Composio call and cached (template.yaml sets it).
     */
    Optional<String> apiKeySecretArn();

    /** The secret is read again after Composio answers 401, at most this often. */
    @WithDefault("60s")
    Duration apiKeyRefreshInterval();

    /** Another Secrets Manager endpoint (a local stand-in); unset on AWS. */
    Optional<java.net.URI> secretsManagerEndpoint();

    @WithDefault("https://backend.composio.dev")
    String baseUrl();

    /** How {@link Composio#call} retries 408, 429, 5xx and connection failures. */
    Retry retry();

    interface Retry {

        /** Retries after the first attempt. */
        @WithDefault("3")
        int maxRetries();

        /** The first wait, doubled each retry (at most 5 s), unless Composio sent {@code Retry-After}. */
        @WithDefault("250ms")
        Duration delay();

        /** No wait is started that would end later than this after the first attempt. */
        @WithDefault("20s")
        Duration maxDuration();
    }
}
