package io.ctf.endpoint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** listEndpoints' input: {@code {}} for all, or {@code {"toolkit_slug": "slack"}}. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListEndpointsRequest(@JsonProperty("toolkit_slug") String toolkitSlug) {
}
