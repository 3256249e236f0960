package io.ctf.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctf.lambda.InvalidInput;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Checks shared by the endpoint functions' inputs. Messages name fields, never values. */
final class EndpointInput {

    private EndpointInput() {
    }

    /** Composio's toolkit slugs are lower-case ({@code slack}); {@code Slack} means the same. */
    static String toolkitSlug(String field, String value) {
        return InvalidInput.require(field, value).trim().toLowerCase(Locale.ROOT);
    }

    static String endpointId(String value) {
        return InvalidInput.require("id", value).trim();
    }

    /** Setup field values: each a non-empty JSON string. Null or absent means no fields. */
    static Map<String, String> fieldValues(String field, Map<String, JsonNode> values) {
        Map<String, String> checked = new LinkedHashMap<>();
        if (values == null) {
            return checked;
        }
        values.forEach((name, value) -> {
            if (name == null || name.isBlank()) {
                throw new InvalidInput("'" + field + "' has a field with an empty name");
            }
            checked.put(name, fieldValue(field + "." + name, value));
        });
        return checked;
    }

    static String fieldValue(String field, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw new InvalidInput("'" + field + "' has no value: give its value, or leave the field out");
        }
        if (!value.isTextual()) {
            // A number or a boolean is no secret: storing 5 as "5" would hide a mistake.
            throw new InvalidInput("'" + field + "' has the wrong type: expected a string");
        }
        String text = value.asText();
        if (text.isBlank()) {
            throw new InvalidInput("'" + field + "' is empty: give its value, or leave the field out");
        }
        return text;
    }
}
