package io.ctf.composio;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** One item of {@code GET /api/v3.1/trigger_instances/active}. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record TriggerInstance(
        String id,
        @JsonProperty("trigger_name") String triggerName,
        @JsonProperty("connected_account_id") String connectedAccountId,
        @JsonProperty("user_id") String userId,
        @JsonProperty("trigger_config") JsonNode triggerConfig,
        @JsonProperty("disabled_at") String disabledAt,
        @JsonProperty("updated_at") String updatedAt) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<TriggerInstance> items, @JsonProperty("next_cursor") String nextCursor) {
    }

    /** {@code PATCH /manage/{id}} body: {@code enable} or {@code disable}. */
    @RegisterForReflection
    public record StatusChange(String status) {
    }
}
