package io.ctf.composio;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * The project's webhook subscription ({@code /api/v3.1/webhook_subscriptions}). Its signing
 * {@code secret} comes back only on create and rotate: never printed.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookSubscription(
        String id,
        @JsonProperty("webhook_url") String webhookUrl,
        String version,
        @JsonProperty("enabled_events") List<String> enabledEvents,
        String secret,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt) {

    @Override
    public String toString() {
        return "WebhookSubscription[id=" + id + ", webhookUrl=" + webhookUrl + ", version=" + version
                + ", enabledEvents=" + enabledEvents + "]";
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(@JsonProperty("webhook_url") String webhookUrl,
                         @JsonProperty("enabled_events") List<String> enabledEvents,
                         String version) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<WebhookSubscription> items, @JsonProperty("next_cursor") String nextCursor) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RotatedSecret(String id, String secret) {
        @Override
        public String toString() {
            return "RotatedSecret[id=" + id + "]";
        }
    }
}
