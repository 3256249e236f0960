package io.ctf.composio;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code POST /api/v3.1/trigger_instances/{slug}/upsert}: request and answer. */
public final class UpsertTrigger {

    private UpsertTrigger() {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Request(
            @JsonProperty("connected_account_id") String connectedAccountId,
            @JsonProperty("trigger_config") JsonNode triggerConfig,
            @JsonProperty("toolkit_versions") String toolkitVersions,
            // Not in the published spec; Composio's SDKs send it. Projects with two-factor protection
            // check that the pinned account belongs to this user; others ignore it.
            @JsonProperty("user_id") String userId) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Response(@JsonProperty("trigger_id") String triggerId) {
    }
}
