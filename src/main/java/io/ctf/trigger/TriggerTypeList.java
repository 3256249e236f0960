package io.ctf.trigger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ctf.composio.TriggerType;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * listTriggerTypes' answer. {@code next_cursor} is present only when more trigger types remain:
 * pass it back as {@code cursor} for the rest (see {@link TypesCursor}).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TriggerTypeList(
        @JsonProperty("trigger_types") List<Item> triggerTypes,
        int count,
        @JsonProperty("next_cursor") String nextCursor) {

    @RegisterForReflection
    public record Item(
            String slug,
            String name,
            String description,
            String toolkit,
            String type,
            @JsonProperty("requires_webhook_endpoint") boolean requiresWebhookEndpoint) {

        static Item of(TriggerType type) {
            return new Item(type.slug(), type.name(), type.description(), type.toolkitSlug(), type.type(),
                    type.needsWebhookEndpoint());
        }
    }
}
