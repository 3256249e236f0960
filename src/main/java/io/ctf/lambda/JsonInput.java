package io.ctf.lambda;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads a directly invoked function's JSON input into its record, strictly: a string field takes
 * only a JSON string, a boolean only {@code true}/{@code false}, a number only a number, an object
 * only an object, a list only an array or a single string (a one-item list). A value of the wrong
 * type is an {@link InvalidInput} naming the field ({@code 'trigger_id' has the wrong type: expected
 * a string}) rather than a value Jackson coerced ({@code 12} → {@code "12"}) or a parser's exception.
 * Unknown fields are ignored: Step Functions often passes its whole state as the input.
 * <p>
 * The strictness lives in a mapper of its own, a copy of the application's: Composio's answers go on
 * being read leniently by the application's mapper. This is that mapper's last customizer but one, so
 * it is handed the finished mapper when Quarkus makes it (which a native build does at build time); the
 * copy is made on first use, so a function that reads no input never pays for it, and {@link #prime}
 * can make it, with the input types' deserializers, while the image is built.
 */
@Singleton
public class JsonInput implements ObjectMapperCustomizer {

    private volatile ObjectMapper application;
    private volatile ObjectMapper strict;

    /** After every other customizer, before io.ctf.nativeimage.JsonPriming (the lowest). */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY + 1;
    }

    @Override
    public void customize(ObjectMapper application) {
        this.application = application;
        this.strict = null;
    }

    /**
     * Builds {@code type}'s deserializer into the strict mapper's cache now rather than on the first
     * {@link #read} (Jackson's introspection of a type is the slowest part of its first read).
     */
    public void prime(Class<?> type) throws JsonMappingException {
        ObjectMapper mapper = strict();
        ((DefaultDeserializationContext) mapper.getDeserializationContext()).createDummyInstance(mapper.getDeserializationConfig())
                .findRootValueDeserializer(mapper.constructType(type));
    }

    public <T> T read(JsonNode input, Class<T> type) {
        JsonNode object = input == null || input.isNull() || input.isMissingNode() ? strict().createObjectNode() : input;
        if (!object.isObject()) {
            throw new InvalidInput("the input must be a JSON object, not " + object.getNodeType().toString().toLowerCase());
        }
        try {
            return strict().readerFor(type).readValue(object);
        } catch (JsonMappingException e) {
            List<JsonMappingException.Reference> path = e.getPath();
            if (singleValueForList(object, path)) {
                // A single value stands for a one-item list; when it is not a string, name the list.
                throw new InvalidInput("'" + field(path.subList(0, path.size() - 1))
                        + "' has the wrong type: expected an array of strings (or a single string)");
            }
            throw new InvalidInput("'" + field(path) + "' has the wrong type" + expected(e));
        } catch (java.io.IOException e) {
            throw new InvalidInput("the input cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private ObjectMapper strict() {
        ObjectMapper current = strict;
        if (current == null) {
            ObjectMapper base = application;
            if (base == null) {
                // Quarkus makes the application's mapper at start-up (the Lambda extensions ask for it).
                throw new IllegalStateException("JsonInput has no mapper: the application's ObjectMapper was never made");
            }
            current = strict = strict(base);
        }
        return current;
    }

    /** A copy of {@code base} that refuses every scalar coercion; {@code base} is left as it was. */
    static ObjectMapper strict(ObjectMapper base) {
        ObjectMapper mapper = base.copy();
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // "" is a string, not an empty object, list or absent number.
        mapper.coercionConfigDefaults()
                .setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Object, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Array, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // An object from a string (a one-string constructor) or from a scalar is no object.
        for (LogicalType type : List.of(LogicalType.POJO, LogicalType.Map)) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        return mapper;
    }

    /** Whether the failing value is a list's item only because a single value was read as a one-item list. */
    private static boolean singleValueForList(JsonNode input, List<JsonMappingException.Reference> path) {
        if (path.isEmpty() || path.get(path.size() - 1).getIndex() < 0) {
            return false;
        }
        JsonNode parent = input;
        for (JsonMappingException.Reference step : path.subList(0, path.size() - 1)) {
            parent = step.getFieldName() != null ? parent.path(step.getFieldName()) : parent.path(step.getIndex());
        }
        return !parent.isArray();
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
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target == String.class) {
                return ": expected a string";
            }
            if (target == Boolean.class || target == boolean.class) {
                return ": expected true or false";
            }
            if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
                return ": expected a whole number";
            }
            if (Number.class.isAssignableFrom(target)) {
                return ": expected a number";
            }
            if (Collection.class.isAssignableFrom(target)) {
                return ": expected an array of strings (or a single string)";
            }
            if (Map.class.isAssignableFrom(target) || target.isRecord()) {
                return ": expected an object";
            }
        }
        return "";
    }
}
