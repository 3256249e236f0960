package io.ctf.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A trigger type's {@code config} JSON Schema, compiled once (networknt json-schema-validator), that
 * reports every violation of a {@code trigger_config}, each naming its field.
 */
final class ConfigSchema {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Used when Composio's schema cannot be compiled: Composio then remains the judge. */
    static final ConfigSchema UNCHECKED = new ConfigSchema(null);

    private final JsonSchema schema;

    ConfigSchema(JsonSchema schema) {
        this.schema = schema;
    }

    boolean checks() {
        return schema != null;
    }

    /** Every violation, ordered by field; empty when the config fits. */
    List<ConfigViolation> violations(JsonNode config) {
        if (schema == null) {
            return List.of();
        }
        return schema.validate(config).stream()
                .map(ConfigSchema::violation)
                .distinct()
                .sorted(Comparator.comparing(ConfigViolation::field).thenComparing(ConfigViolation::problem))
                .toList();
    }

    private static ConfigViolation violation(ValidationMessage message) {
        StringBuilder field = new StringBuilder("trigger_config");
        JsonNodePath location = message.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            append(field, location.getElement(i));
        }
        // "required" and "additionalProperties" point at the parent object; name the property itself.
        if (message.getProperty() != null && ("required".equals(message.getType())
                || "additionalProperties".equals(message.getType()) || "dependentRequired".equals(message.getType())
                || "dependencies".equals(message.getType()))) {
            append(field, message.getProperty());
        }
        return new ConfigViolation(field.toString(), message.getError());
    }

    private static void append(StringBuilder path, Object element) {
        if (element instanceof Integer index) {
            path.append('[').append(index).append(']');
        } else if (IDENTIFIER.matcher(element.toString()).matches()) {
            path.append('.').append(element);
        } else {
            path.append("[\"").append(element.toString().replace("\"", "\\\"")).append("\"]");
        }
    }
}
