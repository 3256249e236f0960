package io.ctf.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * The secrets receiveWebhook verifies with. Read from the {@link WebhookSecretStore} on the first
 * delivery (not at start-up: a cold start that is not a delivery never pays for it), then cached.
 * When a signature matches none of the cached secrets, or there are none, the store is read again,
 * at most once per {@code composio.webhook.secret-refresh-interval}: a rotation takes effect on the
 * next delivery, and forged requests cannot turn into a flood of store reads.
 */
@ApplicationScoped
public class WebhookSecretSource {

    private static final Logger LOG = Logger.getLogger(WebhookSecretSource.class);

    @Inject
    WebhookSecretStore store;

    @Inject
    WebhookConfig config;

    @Inject
    InstantSource clock;

    private record Loaded(WebhookSecrets secrets, Instant readAt) {
    }

    private volatile Loaded loaded;

    /** The secrets accepted now, current first; empty when none is stored (yet). */
    List<String> accepted() {
        Loaded current = loaded;
        if (current == null) {
            current = load(true);
        } else if (!current.secrets().hasCurrent()) {
            current = refreshIfDue(current);
        }
        return current.secrets().accepted(clock.instant(), config.rotationOverlap());
    }

    /**
     * After a signature matched none of {@code tried}: the secrets read again from the store, when
     * the refresh interval allows a read and the store holds different ones; otherwise empty.
     */
    Optional<List<String>> refreshedAfterMismatch(List<String> tried) {
        Loaded current = loaded;
        Loaded fresh = current == null ? load(false) : refreshIfDue(current);
        List<String> accepted = fresh.secrets().accepted(clock.instant(), config.rotationOverlap());
        return accepted.equals(tried) ? Optional.empty() : Optional.of(accepted);
    }

    /** Forgets the cached secrets: the next delivery reads the store (used after writing to it in this process). */
    public void invalidate() {
        loaded = null;
    }

    private Loaded refreshIfDue(Loaded current) {
        if (clock.instant().isBefore(current.readAt().plus(config.secretRefreshInterval()))) {
            return current;
        }
        try {
            return load(true);
        } catch (WebhookRejected unreadable) {
            return current;
        }
    }

    private synchronized Loaded load(boolean force) {
        Loaded current = loaded;
        if (current != null && !force) {
            return current;
        }
        Instant now = clock.instant();
        try {
            current = new Loaded(store.read(), now);
        } catch (RuntimeException e) {
            // The message names the store, never a value; Composio retries the delivery.
            LOG.errorf("could not read the webhook secrets from %s: %s", store.location(), e.toString());
            loaded = current == null ? null : new Loaded(current.secrets(), now);
            throw new WebhookRejected(503, "webhook secret could not be read, retry later");
        }
        loaded = current;
        return current;
    }
}
