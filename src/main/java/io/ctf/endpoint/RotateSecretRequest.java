package io.ctf.endpoint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.ctf.lambda.InvalidInput;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;

/**
 * rotateEndpointSecret's input: {@code {"id", "field", "value"}} for one field, or
 * {@code {"id", "data": {...}}} for several. Holds secrets, so {@link #toString()} shows names only.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record RotateSecretRequest(String id, String field, JsonNode value, Map<String, JsonNode> data) {

    record Valid(String id, Map<String, String> data) {
        @Override
        public String toString() {
            return "RotateSecretRequest[id=" + id + ", data=" + data.keySet() + "]";
        }
    }

    static Valid validate(RotateSecretRequest input) {
        String id = EndpointInput.endpointId(input.id());
        boolean single = input.field() != null || input.value() != null;
        if (single && input.data() != null) {
            throw new InvalidInput("give either 'field' and 'value', or 'data', not both");
        }
        Map<String, String> data;
        if (single) {
            String field = InvalidInput.require("field", input.field()).trim();
            if (input.value() == null || input.value().isNull()) {
                throw new InvalidInput("'value' is required with 'field': the new value of " + field);
            }
            data = Map.of(field, EndpointInput.fieldValue("value", input.value()));
        } else {
            data = EndpointInput.fieldValues("data", input.data());
            if (data.isEmpty()) {
                throw new InvalidInput("'field' and 'value' are required (or 'data' with the fields to change)");
            }
        }
        return new Valid(id, data);
    }

    @Override
    public String toString() {
        return "RotateSecretRequest[id=" + id + ", field=" + field
                + ", data=" + (data == null ? "null" : data.keySet()) + "]";
    }
}
