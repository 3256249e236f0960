package io.ctf.trigger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ctf.composio.TriggerInstance;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * listTriggers' answer. {@code next_cursor} is present only when more triggers exist than one call
 * reads: pass it back as {@code cursor} for the rest.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TriggerList(List<Item> triggers, int count, @JsonProperty("next_cursor") String nextCursor) {

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            @JsonProperty("trigger_id") String triggerId,
            String slug,
            @JsonProperty("user_id") String userId,
            @JsonProperty("connected_account_id") String connectedAccountId,
            String status,
            @JsonProperty("trigger_config") JsonNode triggerConfig,
            @JsonProperty("disabled_at") String disabledAt,
            @JsonProperty("updated_at") String updatedAt) {

        static Item of(TriggerInstance instance) {
            boolean disabled = instance.disabledAt() != null && !instance.disabledAt().isBlank();
            return new Item(instance.id(), instance.triggerName(), instance.userId(), instance.connectedAccountId(),
                    disabled ? TriggerState.DISABLED : TriggerState.ENABLED, instance.triggerConfig(),
                    instance.disabledAt(), instance.updatedAt());
        }
    }
}
