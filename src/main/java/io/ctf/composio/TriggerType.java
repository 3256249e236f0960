package io.ctf.composio;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code GET /api/v3.1/triggers_types/{slug}}: {@code config} is the JSON Schema of {@code trigger_config}. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record TriggerType(
        String slug,
        String name,
        String description,
        String type,
        Toolkit toolkit,
        JsonNode config,
        String version,
        // Newer than the published spec; absent means "no endpoint needed". Composio's docs also call it
        // requires_webhook_endpoint.
        @JsonProperty("requires_webhook_endpoint_setup") @JsonAlias("requires_webhook_endpoint")
        Boolean requiresWebhookEndpointSetup) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Toolkit(String slug, String name) {
    }

    public String toolkitSlug() {
        return toolkit == null ? null : toolkit.slug();
    }

    public boolean needsWebhookEndpoint() {
        return Boolean.TRUE.equals(requiresWebhookEndpointSetup);
    }
}
