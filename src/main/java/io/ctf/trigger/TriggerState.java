package io.ctf.trigger;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Answer of enableTrigger, disableTrigger and deleteTrigger: the trigger's state now, and whether
 * this call changed it ({@code changed: false} when it already was so).
 */
@RegisterForReflection
public record TriggerState(
        @JsonProperty("trigger_id") String triggerId,
        String status,
        boolean changed,
        String message) {

    static final String ENABLED = "enabled";
    static final String DISABLED = "disabled";
    static final String DELETED = "deleted";
}
