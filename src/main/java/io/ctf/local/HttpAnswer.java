package io.ctf.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What the local server answers: a status, headers (lower-case names) and the body's bytes. */
record HttpAnswer(int status, Map<String, String> headers, byte[] body) {

    static final Map<String, String> JSON = Map.of("content-type", "application/json");

    static HttpAnswer json(int status, byte[] body) {
        return new HttpAnswer(status, JSON, body);
    }

    static HttpAnswer json(ObjectMapper json, int status, Object value) {
        try {
            return json(status, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the answer as JSON", e);
        }
    }

    /** {@code {"error": message}}: the local server's own errors (a function's are Lambda's shape). */
    static HttpAnswer error(ObjectMapper json, int status, String message) {
        return json(json, status, Map.of("error", message));
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
