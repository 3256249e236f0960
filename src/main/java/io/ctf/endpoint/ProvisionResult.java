package io.ctf.endpoint;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * provisionEndpoint's answer. Every field is always present; for a toolkit whose endpoint Composio
 * manages, {@code managed_by_composio} is true and the endpoint's own fields are null.
 */
@RegisterForReflection
public record ProvisionResult(
        String id,
        @JsonProperty("toolkit_slug") String toolkitSlug,
        @JsonProperty("client_id") String clientId,
        @JsonProperty("webhook_url") String webhookUrl,
        Boolean created,
        Boolean verified,
        @JsonProperty("verified_at") String verifiedAt,
        @JsonProperty("managed_by_composio") boolean managedByComposio,
        @JsonProperty("stored_fields") List<String> storedFields,
        @JsonProperty("missing_fields") List<String> missingFields,
        @JsonProperty("next_steps") List<String> nextSteps) {

    static ProvisionResult managed(String toolkitSlug, String clientId, List<String> nextSteps) {
        return new ProvisionResult(null, toolkitSlug, clientId, null, null, null, null, true,
                List.of(), List.of(), nextSteps);
    }
}
