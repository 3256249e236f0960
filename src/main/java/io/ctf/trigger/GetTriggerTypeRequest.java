package io.ctf.trigger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** getTriggerType's input: {@code {"slug": "GITHUB_COMMIT_EVENT", "toolkit_version": "latest"}}; the version is optional. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record GetTriggerTypeRequest(String slug, @JsonProperty("toolkit_version") String toolkitVersion) {
}
