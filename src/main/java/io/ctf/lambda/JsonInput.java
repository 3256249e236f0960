package io.ctf.lambda;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/**
 * Reads a directly invoked function's JSON input into its record, so that a value of the wrong
 * shape is an {@link InvalidInput} naming the field rather than a parser's exception (which Funqy
 * would report before the function runs). Unknown fields are ignored: Step Functions often passes
 * its whole state as the input.
 */
public final class JsonInput {

    private JsonInput() {
    }

    public static <T> T read(ObjectMapper json, JsonNode input, Class<T> type) {
        JsonNode object = input == null || input.isNull() || input.isMissingNode() ? json.createObjectNode() : input;
        if (!object.isObject()) {
            throw new InvalidInput("the input must be a JSON object, not " + object.getNodeType().toString().toLowerCase());
        }
        try {
            return json.readerFor(type)
                    .with(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(object);
        } catch (JsonMappingException e) {
            throw new InvalidInput("'" + field(e.getPath()) + "' has the wrong type" + expected(e));
        } catch (java.io.IOException e) {
            throw new InvalidInput("the input cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "input" : field.toString();
    }

    private static String expected(JsonMappingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target == String.class) {
                return ": expected a string";
            }
            if (target == Boolean.class || target == boolean.class) {
                return ": expected true or false";
            }
            if (Number.class.isAssignableFrom(target) || target == int.class) {
                return ": expected a number";
            }
            if (List.class.isAssignableFrom(target)) {
                return ": expected an array of strings";
            }
        }
        return "";
    }
}
