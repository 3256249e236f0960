package io.ctf.lambda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;

/**
 * The parts of an API Gateway HTTP API event (payload format 2.0) the function set reads.
 * Header names arrive lower-cased; repeated headers arrive comma-joined.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record HttpApiEvent(
        String version,
        String routeKey,
        String rawPath,
        Map<String, String> headers,
        RequestContext requestContext,
        String body,
        @JsonProperty("isBase64Encoded") boolean isBase64Encoded) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestContext(String requestId, Http http) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Http(String method, String path, String sourceIp) {
    }

    /** The HTTP method, or null when the event carries none. */
    public String method() {
        return requestContext == null || requestContext.http() == null ? null : requestContext.http().method();
    }

    /** A header by its lower-case name; API Gateway lower-cases names in payload format 2.0. */
    public String header(String lowerCaseName) {
        return headers == null ? null : headers.get(lowerCaseName);
    }
}
