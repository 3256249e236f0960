package io.ctf.composio;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.Map;

/**
 * A Composio webhook endpoint ({@code /api/v3.1/webhook_endpoints}). Composio masks secret values in
 * {@code data}; {@code verified_at} is set once the provider's handshake succeeded.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookEndpoint(
        String id,
        @JsonProperty("toolkit_slug") String toolkitSlug,
        @JsonProperty("client_id") String clientId,
        @JsonProperty("webhook_url") String webhookUrl,
        Map<String, String> data,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("verified_at") String verifiedAt) {

    @RegisterForReflection
    public record Create(@JsonProperty("toolkit_slug") String toolkitSlug, @JsonProperty("client_id") String clientId) {
    }

    /** Body of PATCH (merge) and POST (replace) on an endpoint. Holds secrets: never printed. */
    @RegisterForReflection
    public record Data(Map<String, String> data) {
        @Override
        public String toString() {
            return "Data" + (data == null ? "[]" : data.keySet());
        }
    }

    /** {@code GET /api/v3.1/webhook_endpoints}: items carry no URL. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ListPage(List<Summary> items) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(String id, @JsonProperty("toolkit_slug") String toolkitSlug,
                          @JsonProperty("client_id") String clientId) {
    }

    /** {@code GET /api/v3.1/webhook_endpoints/schema}: empty {@code setup_fields} means Composio manages it. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Schema(@JsonProperty("toolkit_slug") String toolkitSlug,
                         @JsonProperty("setup_fields") Map<String, SetupField> setupFields) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SetupField(
            @JsonProperty("display_name") String displayName,
            String description,
            @JsonProperty("is_required") boolean isRequired,
            @JsonProperty("is_secret") boolean isSecret) {
    }
}
