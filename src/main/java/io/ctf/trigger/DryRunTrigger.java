package io.ctf.trigger;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * createTrigger's answer to {@code "dry_run": true}: every check passed and this is the trigger a
 * real run would upsert; nothing was written.
 */
@RegisterForReflection
public record DryRunTrigger(
        @JsonProperty("dry_run") boolean dryRun,
        String slug,
        @JsonProperty("connected_account_id") String connectedAccountId,
        @JsonProperty("trigger_config") JsonNode triggerConfig,
        @JsonProperty("requires_webhook_endpoint") boolean requiresWebhookEndpoint) {
}
