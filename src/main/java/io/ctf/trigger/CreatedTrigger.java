package io.ctf.trigger;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** createTrigger's answer; {@code created} is false when Composio already had this trigger. */
@RegisterForReflection
public record CreatedTrigger(
        @JsonProperty("trigger_id") String triggerId,
        String slug,
        @JsonProperty("connected_account_id") String connectedAccountId,
        boolean created) {
}
