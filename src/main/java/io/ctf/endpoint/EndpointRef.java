package io.ctf.endpoint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** getEndpoint's input: {@code {"id": "we_…"}}. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record EndpointRef(String id) {
}
