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

        /** This detail with every occurrence of {@code secret} in its texts replaced by {@code [redacted]}. */
        public Detail without(String secret) {
            if (secret == null || secret.isBlank()) {
                return this;
            }
            return new Detail(cut(message, secret), code, slug, status, requestId, cut(suggestedFix, secret),
                    errors == null ? null : errors.stream().map(e -> cut(e, secret)).toList());
        }

        private static String cut(String text, String secret) {
            return text == null ? null : text.replace(secret, "[redacted]");
        }
    }
}
