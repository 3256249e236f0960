package io.ctf.trigger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctf.lambda.InvalidInput;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a function's JSON input into its record, so that a value of the wrong shape is an
 * {@link InvalidInput} naming the field rather than a parser's exception. Unknown fields are
 * ignored: Step Functions often passes its whole state as the input.
 */
final class Inputs {

    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9_]+");

    private Inputs() {
    }

    static <T> T read(ObjectMapper json, JsonNode input, Class<T> type) {
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

    /** A trigger type slug such as {@code GITHUB_COMMIT_EVENT}. */
    static String slug(String field, String value) {
        InvalidInput.require(field, value);
        if (!SLUG.matcher(value).matches()) {
            throw new InvalidInput("'" + field + "' must be a trigger type slug such as GITHUB_COMMIT_EVENT (letters, digits, '_')");
        }
        return value;
    }

    /** Ids and slugs go into comma-joined query parameters: none may be blank or hold a comma. */
    static String joined(String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String name = values.size() == 1 && !field.endsWith("s") ? field : field + "[" + i + "]";
            if (value == null || value.isBlank()) {
                throw new InvalidInput("'" + name + "' is empty");
            }
            if (value.contains(",")) {
                throw new InvalidInput("'" + name + "' must not contain ','");
            }
        }
        return values.stream().map(String::trim).distinct().collect(Collectors.joining(","));
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
