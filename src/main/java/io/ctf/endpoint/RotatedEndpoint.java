package io.ctf.endpoint;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** rotateEndpointSecret's answer: which fields were replaced, and the endpoint's state after it. */
@RegisterForReflection
public record RotatedEndpoint(
        String id,
        @JsonProperty("toolkit_slug") String toolkitSlug,
        @JsonProperty("client_id") String clientId,
        @JsonProperty("webhook_url") String webhookUrl,
        @JsonProperty("rotated_fields") List<String> rotatedFields,
        @JsonProperty("stored_fields") List<String> storedFields,
        boolean verified,
        @JsonProperty("verified_at") String verifiedAt) {
}
