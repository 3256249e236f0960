package io.ctf.endpoint;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ctf.composio.WebhookEndpoint;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One webhook endpoint as getEndpoint and listEndpoints show it. Field values are never shown,
 * not even Composio's masked ones: only the names of the fields that hold a value.
 */
@RegisterForReflection
public record EndpointState(
        String id,
        @JsonProperty("toolkit_slug") String toolkitSlug,
        @JsonProperty("client_id") String clientId,
        @JsonProperty("webhook_url") String webhookUrl,
        @JsonProperty("created_at") String createdAt,
        boolean verified,
        @JsonProperty("verified_at") String verifiedAt,
        @JsonProperty("stored_fields") List<String> storedFields) {

    static EndpointState of(WebhookEndpoint endpoint) {
        return new EndpointState(endpoint.id(), endpoint.toolkitSlug(), endpoint.clientId(), endpoint.webhookUrl(),
                endpoint.createdAt(), isVerified(endpoint), blankToNull(endpoint.verifiedAt()),
                List.copyOf(storedFields(endpoint)));
    }

    /** Composio sets {@code verified_at} once the provider's handshake succeeded. */
    static boolean isVerified(WebhookEndpoint endpoint) {
        return blankToNull(endpoint.verifiedAt()) != null;
    }

    /** Names of the fields holding a value (Composio masks the values; null or empty means unset). */
    static Set<String> storedFields(WebhookEndpoint endpoint) {
        Set<String> names = new TreeSet<>();
        Map<String, String> data = endpoint.data();
        if (data != null) {
            data.forEach((name, value) -> {
                if (value != null && !value.isEmpty()) {
                    names.add(name);
                }
            });
        }
        return names;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
