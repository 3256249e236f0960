package io.ctf.trigger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Input of enableTrigger, disableTrigger and deleteTrigger: {@code {"trigger_id": "ti_…"}}. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record TriggerRef(@JsonProperty("trigger_id") String triggerId) {
}
