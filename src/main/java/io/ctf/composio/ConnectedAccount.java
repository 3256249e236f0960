package io.ctf.composio;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** One item of {@code GET /api/v3.1/connected_accounts}; only the fields the function set reads. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectedAccount(
        String id,
        @JsonProperty("user_id") String userId,
        String status,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("is_disabled") Boolean isDisabled,
        TriggerType.Toolkit toolkit) {

    public static final String ACTIVE = "ACTIVE";

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<ConnectedAccount> items, @JsonProperty("next_cursor") String nextCursor) {
    }
}
