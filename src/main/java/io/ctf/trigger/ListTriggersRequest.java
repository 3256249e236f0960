package io.ctf.trigger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * listTriggers' input; every filter is optional and they combine (AND). {@code user_id} is a
 * shorthand for a one-item {@code user_ids}; a single string is accepted wherever a list is.
 * {@code cursor} continues a listing that answered {@code next_cursor}.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListTriggersRequest(
        @JsonProperty("user_id") String userId,
        @JsonProperty("user_ids") List<String> userIds,
        @JsonProperty("connected_account_ids") List<String> connectedAccountIds,
        @JsonProperty("trigger_ids") List<String> triggerIds,
        List<String> slugs,
        @JsonProperty("include_disabled") Boolean includeDisabled,
        String cursor) {
}
