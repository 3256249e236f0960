package io.ctf.trigger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * listTriggerTypes' input: {@code toolkit_slug} or {@code toolkit_slugs} (a string or a list; both
 * may be given and combine), optional {@code limit} (1 to 1000) and {@code cursor} (a
 * {@code next_cursor} this function answered).
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListTriggerTypesRequest(
        @JsonProperty("toolkit_slug") String toolkitSlug,
        @JsonProperty("toolkit_slugs") List<String> toolkitSlugs,
        String cursor,
        Integer limit) {
}
