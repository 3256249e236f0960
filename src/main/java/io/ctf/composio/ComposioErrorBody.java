package io.ctf.composio;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** Composio's error envelope, {@code {"error": {...}}}. Every field may be missing in practice. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComposioErrorBody(Detail error) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(
            String message,
            Integer code,
            String slug,
            Integer status,
            @JsonProperty("request_id") String requestId,
            @JsonProperty("suggested_fix") String suggestedFix,
            List<String> errors) {

        public static final Detail EMPTY = new Detail(null, null, null, null, null, null, null);
    }
}
