package io.ctf.trigger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * createTrigger's input: {@code slug}, exactly one of {@code user_id} / {@code connected_account_id},
 * {@code trigger_config} (an object; absent means {@code {}}), optional {@code toolkit_version}, and
 * {@code dry_run} (every check, no write).
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateTriggerRequest(
        String slug,
        @JsonProperty("user_id") String userId,
        @JsonProperty("connected_account_id") String connectedAccountId,
        @JsonProperty("trigger_config") JsonNode triggerConfig,
        @JsonProperty("toolkit_version") String toolkitVersion,
        @JsonProperty("dry_run") Boolean dryRun) {
}
