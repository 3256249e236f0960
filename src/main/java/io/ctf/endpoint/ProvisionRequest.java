package io.ctf.endpoint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ctf.lambda.InvalidInput;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;

/**
 * provisionEndpoint's input: {@code {"toolkit_slug", "client_id", "data": {...}, "replace": false}}.
 * {@code data} holds secrets, so {@link #toString()} shows field names only.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProvisionRequest(
        @JsonProperty("toolkit_slug") String toolkitSlug,
        @JsonProperty("client_id") String clientId,
        Map<String, JsonNode> data,
        JsonNode replace) {

    /** The checked request: slug lower-cased, data as plain strings. */
    record Valid(String toolkitSlug, String clientId, Map<String, String> data, boolean replace) {
        @Override
        public String toString() {
            return "ProvisionRequest[toolkitSlug=" + toolkitSlug + ", clientId=" + clientId
                    + ", data=" + data.keySet() + ", replace=" + replace + "]";
        }
    }

    static Valid validate(ProvisionRequest input) {
        String toolkit = EndpointInput.toolkitSlug("toolkit_slug", input.toolkitSlug());
        String clientId = InvalidInput.require("client_id", input.clientId());
        Map<String, String> data = EndpointInput.fieldValues("data", input.data());
        boolean replace = parseReplace(input.replace());
        if (replace && data.isEmpty()) {
            throw new InvalidInput("'replace': true stores 'data' wholesale and clears every field left out, "
                    + "so 'data' must hold every required field; it is empty");
        }
        return new Valid(toolkit, clientId, data, replace);
    }

    /** Absent means false; a JSON boolean or its text, so a typo never silently means "merge". */
    private static boolean parseReplace(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && ("true".equals(value.textValue()) || "false".equals(value.textValue()))) {
            return Boolean.parseBoolean(value.textValue());
        }
        throw new InvalidInput("'replace' must be true or false");
    }

    @Override
    public String toString() {
        return "ProvisionRequest[toolkitSlug=" + toolkitSlug + ", clientId=" + clientId
                + ", data=" + (data == null ? "null" : data.keySet()) + ", replace=" + replace + "]";
    }
}
