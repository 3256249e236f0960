package io.ctf.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's webhook signing secrets as the secret store holds them:
 * {@code {"current": "...", "previous": "...", "rotated_at": "2026-11-23T15:00:00Z", "subscription_id": "ws_..."}}.
 * {@code subscription_id} names the Composio subscription {@code current} belongs to (absent when the
 * secret was configured by hand), so a secret of a deleted subscription is never taken for a new one's.
 * {@code previous} is the secret rotated out at {@code rotated_at}; it stays accepted for the
 * overlap window so that deliveries signed before the rotation took effect are not refused.
 * Never printed: {@link #toString()} says only which secrets are present.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookSecrets(
        String current,
        String previous,
        @JsonProperty("rotated_at") Instant rotatedAt,
        @JsonProperty("subscription_id") String subscriptionId) {

    public static final WebhookSecrets NONE = new WebhookSecrets(null, null, null);

    /** Secrets not tied to a known subscription (configured by hand). */
    public WebhookSecrets(String current, String previous, Instant rotatedAt) {
        this(current, previous, rotatedAt, null);
    }

    /** Whether {@code current} may belong to {@code subscriptionId}: it does, or nobody recorded whose it is. */
    public boolean mayBelongTo(String subscriptionId) {
        return hasCurrent() && (this.subscriptionId == null || this.subscriptionId.equals(subscriptionId));
    }

    public boolean hasCurrent() {
        return current != null && !current.isBlank();
    }

    /** The secrets a delivery may be signed with at {@code now}: current first, previous within the overlap. */
    public List<String> accepted(Instant now, Duration overlap) {
        List<String> accepted = new ArrayList<>(2);
        if (hasCurrent()) {
            accepted.add(current);
        }
        boolean previousStillValid = rotatedAt == null || !now.isAfter(rotatedAt.plus(overlap));
        if (previous != null && !previous.isBlank() && previousStillValid && !previous.equals(current)) {
            accepted.add(previous);
        }
        return List.copyOf(accepted);
    }

    /** After Composio issued {@code newSecret} for {@code subscriptionId}: it becomes current, the current one becomes previous. */
    public WebhookSecrets rotatedTo(String newSecret, Instant now, String subscriptionId) {
        return new WebhookSecrets(newSecret, hasCurrent() ? current : null, now, subscriptionId);
    }

    @Override
    public String toString() {
        return "WebhookSecrets[current=" + (hasCurrent() ? "***" : "none") + ", previous="
                + (previous == null ? "none" : "***") + ", rotatedAt=" + rotatedAt + ", subscriptionId=" + subscriptionId + "]";
    }
}
