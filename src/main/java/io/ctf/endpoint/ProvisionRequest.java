package io.ctf.endpoint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ctf.lambda.InvalidInput;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;

/**
 * provisionEndpoint's input: {@code {"toolkit_slug", "client_id", "data": {...}, "replace": false}};
 * {@code replace} is a JSON boolean (absent: false), so a typo never silently means "merge".
 * {@code data} holds secrets, so {@link #toString()} shows field names only.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProvisionRequest(
        @JsonProperty("toolkit_slug") String toolkitSlug,
        @JsonProperty("client_id") String clientId,
        Map<String, JsonNode> data,
        Boolean replace) {

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
        boolean replace = Boolean.TRUE.equals(input.replace());
        if (replace && data.isEmpty()) {
            throw new InvalidInput("'replace': true stores 'data' wholesale and clears every field left out, "
                    + "so 'data' must hold every required field; it is empty");
        }
        return new Valid(toolkit, clientId, data, replace);
    }

    @Override
    public String toString() {
        return "ProvisionRequest[toolkitSlug=" + toolkitSlug + ", clientId=" + clientId
                + ", data=" + (data == null ? "null" : data.keySet()) + ", replace=" + replace + "]";
    }
}
