package io.ctf.composio;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * One item of {@code GET /api/v3.1/connected_accounts} (and {@code GET /connected_accounts/{id}});
 * only the fields the function set reads.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectedAccount(
        String id,
        @JsonProperty("user_id") String userId,
        String status,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("is_disabled") Boolean isDisabled,
        TriggerType.Toolkit toolkit,
        @JsonProperty("auth_config") AuthConfig authConfig) {

    public static final String ACTIVE = "ACTIVE";

    /** The account's auth config: Composio's own OAuth app ({@code is_composio_managed}) or yours. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuthConfig(String id, @JsonProperty("is_composio_managed") Boolean isComposioManaged) {
    }

    /** Composio runs the webhook endpoint of its own OAuth apps; only your own app needs one set up. */
    public boolean usesComposioManagedAuth() {
        return authConfig != null && Boolean.TRUE.equals(authConfig.isComposioManaged());
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<ConnectedAccount> items, @JsonProperty("next_cursor") String nextCursor) {
    }
}
