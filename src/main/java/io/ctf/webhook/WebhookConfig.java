package io.ctf.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How receiveWebhook checks deliveries. {@code COMPOSIO_WEBHOOK_SECRET} maps to {@link #secret()}.
 */
@ConfigMapping(prefix = "composio.webhook")
public interface WebhookConfig {

    /** The project's webhook signing secret, used as its raw UTF-8 bytes. */
    Optional<String> secret();

    /**
     * The secret being rotated out ({@code COMPOSIO_WEBHOOK_PREVIOUS_SECRET}): accepted as well
     * during the overlap so that no delivery signed with it is refused.
     */
    Optional<String> previousSecret();

    /** How far a delivery's {@code webhook-timestamp} may be from now, either way. */
    @WithDefault("300s")
    Duration tolerance();

    /**
     * Largest body accepted, in bytes, after base64 decoding. The default keeps a stored event
     * within DynamoDB's 400 KB item limit.
     */
    @WithDefault("262144")
    int maxBodyBytes();

    // --- Run-time secret store and subscription (template.yaml sets these) ---------------------

    /**
     * Name of the SSM SecureString parameter holding {@link WebhookSecrets} as JSON
     * ({@code COMPOSIO_WEBHOOK_SECRET_PARAMETER}). When set, it replaces {@link #secret()} and
     * {@link #previousSecret()}: subscribeWebhooks writes it, receiveWebhook reads it.
     */
    Optional<String> secretParameter();

    /** Least time between two reads of the secret store caused by signatures that do not verify. */
    @WithDefault("30s")
    Duration secretRefreshInterval();

    /** How long after a rotation the previous secret is still accepted. */
    @WithDefault("24h")
    Duration rotationOverlap();

    /**
     * Where Composio delivers ({@code COMPOSIO_WEBHOOK_URL}): the deployed receiver's URL, which
     * subscribeWebhooks uses when its input names none.
     */
    Optional<String> url();

    /** Every configured, non-blank secret; the current one first. */
    default List<String> secrets() {
        List<String> all = new ArrayList<>(2);
        secret().filter(s -> !s.isBlank()).ifPresent(all::add);
        previousSecret().filter(s -> !s.isBlank()).ifPresent(all::add);
        return all;
    }
}
