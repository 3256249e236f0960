package io.ctf.trigger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ctf.composio.TriggerType;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * getTriggerType's answer: what a trigger of this type needs before createTrigger. {@code config}
 * is Composio's JSON Schema as given; {@code required_config} and {@code config_fields} read it for
 * a person (or a Step Functions {@code Choice}); {@code requires_webhook_endpoint} says whether
 * provisionEndpoint must run first (for a toolkit used with your own OAuth app).
 */
@RegisterForReflection
public record TriggerTypeDetails(
        String slug,
        String name,
        String description,
        String instructions,
        String toolkit,
        String type,
        String version,
        JsonNode config,
        @JsonProperty("required_config") List<String> requiredConfig,
        @JsonProperty("config_fields") List<ConfigField> configFields,
        JsonNode payload,
        @JsonProperty("requires_webhook_endpoint") boolean requiresWebhookEndpoint) {

    /**
     * One property of {@code config}: its {@code type} as the schema gives it (usually a string such
     * as {@code "string"}, an array for a union, absent when the schema uses {@code anyOf} or a
     * {@code $ref}); {@code default} only when the schema gives one.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConfigField(
            String name,
            JsonNode type,
            String description,
            boolean required,
            @JsonProperty("default") JsonNode defaultValue) {
    }

    static TriggerTypeDetails of(TriggerType type) {
        JsonNode config = type.config();
        List<String> required = required(config);
        return new TriggerTypeDetails(type.slug(), type.name(), type.description(), type.instructions(),
                type.toolkitSlug(), type.type(), type.version(), config, required, fields(config, required),
                type.payload(), type.needsWebhookEndpoint());
    }

    /**
     * The names in the schema's {@code required}, then any property marked {@code "required": true}
     * (the older shape Composio's spec still shows as an example).
     */
    private static List<String> required(JsonNode config) {
        Set<String> names = new LinkedHashSet<>();
        if (config == null || !config.isObject()) {
            return List.of();
        }
        config.path("required").forEach(name -> {
            if (name.isTextual()) {
                names.add(name.textValue());
            }
        });
        for (Map.Entry<String, JsonNode> property : properties(config)) {
            if (property.getValue().path("required").asBoolean(false) && property.getValue().path("required").isBoolean()) {
                names.add(property.getKey());
            }
        }
        return List.copyOf(names);
    }

    private static List<ConfigField> fields(JsonNode config, List<String> required) {
        List<ConfigField> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : properties(config)) {
            JsonNode schema = property.getValue();
            JsonNode description = schema.get("description");
            fields.add(new ConfigField(property.getKey(), schema.get("type"),
                    description != null && description.isTextual() ? description.textValue() : null,
                    required.contains(property.getKey()), schema.get("default")));
        }
        return fields;
    }

    private static List<Map.Entry<String, JsonNode>> properties(JsonNode config) {
        List<Map.Entry<String, JsonNode>> properties = new ArrayList<>();
        if (config != null && config.path("properties").isObject()) {
            config.path("properties").fields().forEachRemaining(p -> {
                if (p.getValue().isObject()) {
                    properties.add(p);
                }
            });
        }
        return properties;
    }
}
