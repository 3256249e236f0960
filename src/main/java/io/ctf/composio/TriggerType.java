package io.ctf.composio;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * {@code GET /api/v3.1/triggers_types/{slug}}, and an item of {@code GET /api/v3.1/triggers_types}:
 * {@code config} is the JSON Schema of {@code trigger_config}, {@code payload} that of the events.
 * Read leniently: any field may be missing.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record TriggerType(
        String slug,
        String name,
        String description,
        String instructions,
        String type,
        Toolkit toolkit,
        JsonNode config,
        JsonNode payload,
        String version,
        // Newer than the published spec; absent means "no endpoint needed". Composio's docs also call it
        // requires_webhook_endpoint.
        @JsonProperty("requires_webhook_endpoint_setup") @JsonAlias("requires_webhook_endpoint")
        Boolean requiresWebhookEndpointSetup) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Toolkit(String slug, String name) {
    }

    /**
     * A page of {@code GET /api/v3.1/triggers_types}. Composio's cursor encodes a page number and
     * the page size it was asked with.
     */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<TriggerType> items, @JsonProperty("next_cursor") String nextCursor) {
    }

    public String toolkitSlug() {
        return toolkit == null ? null : toolkit.slug();
    }

    public boolean needsWebhookEndpoint() {
        return Boolean.TRUE.equals(requiresWebhookEndpointSetup);
    }
}
