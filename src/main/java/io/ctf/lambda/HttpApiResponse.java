package io.ctf.lambda;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;

/** An API Gateway HTTP API proxy response (payload format 2.0). */
@RegisterForReflection
public record HttpApiResponse(
        int statusCode,
        Map<String, String> headers,
        String body,
        @JsonProperty("isBase64Encoded") boolean isBase64Encoded) {

    private static final Map<String, String> JSON = Map.of("content-type", "application/json");

    public static HttpApiResponse json(int statusCode, String body) {
        return new HttpApiResponse(statusCode, JSON, body, false);
    }

    public static HttpApiResponse json(int statusCode, Map<String, String> extraHeaders, String body) {
        var headers = new java.util.HashMap<>(extraHeaders);
        headers.putAll(JSON);
        return new HttpApiResponse(statusCode, Map.copyOf(headers), body, false);
    }
}
