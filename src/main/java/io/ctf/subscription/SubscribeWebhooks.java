package io.ctf.subscription;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** subscribeWebhooks' input and output. Neither ever carries the signing secret. */
public final class SubscribeWebhooks {

    private SubscribeWebhooks() {
    }

    /**
     * Every field is optional: {@code webhook_url} defaults to {@code COMPOSIO_WEBHOOK_URL} (the
     * deployed receiver), {@code events} to {@link SubscribeWebhooksFunction#DEFAULT_EVENTS}.
     */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Request(
            @JsonProperty("webhook_url") String webhookUrl,
            List<String> events,
            @JsonProperty("rotate_secret") Boolean rotateSecret) {
    }

    /**
     * What the subscription is now. {@code action}: {@code created}, {@code updated} or
     * {@code unchanged}. {@code secret_rotated}: a new signing secret was issued and stored in
     * {@code secret_stored_in} (the store's ARN or name, never the secret).
     */
    @RegisterForReflection
    public record Result(
            @JsonProperty("subscription_id") String subscriptionId,
            @JsonProperty("webhook_url") String webhookUrl,
            String version,
            List<String> events,
            String action,
            @JsonProperty("secret_rotated") boolean secretRotated,
            @JsonProperty("secret_stored_in") String secretStoredIn) {
    }
}
