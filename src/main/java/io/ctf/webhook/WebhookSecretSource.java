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
 * When a signature matches none of the cached secrets, or none is stored, the store is read again,
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

    private volatile WebhookSecrets cached;
    /** When the store was last read again because of a mismatch or a missing secret; null: not yet. */
    private volatile Instant lastReRead;

    /** The secrets accepted now, current first; empty when none is stored (yet). */
    List<String> accepted() {
        WebhookSecrets secrets = cached;
        if (secrets == null) {
            secrets = read();
        } else if (!secrets.hasCurrent()) {
            secrets = reReadIfDue().orElse(secrets);
        }
        return secrets.accepted(clock.instant(), config.rotationOverlap());
    }

    /**
     * After a signature matched none of {@code tried}: the secrets read again from the store, when
     * the interval allows a read and the store holds different ones; otherwise empty.
     */
    Optional<List<String>> refreshedAfterMismatch(List<String> tried) {
        return reReadIfDue()
                .map(secrets -> secrets.accepted(clock.instant(), config.rotationOverlap()))
                .filter(accepted -> !accepted.equals(tried));
    }

    /** Forgets the cached secrets: the next delivery reads the store (used after writing to it in this process). */
    public void invalidate() {
        cached = null;
        lastReRead = null;
    }

    private synchronized Optional<WebhookSecrets> reReadIfDue() {
        Instant now = clock.instant();
        Instant last = lastReRead;
        if (last != null && now.isBefore(last.plus(config.secretRefreshInterval()))) {
            return Optional.empty();
        }
        lastReRead = now;
        try {
            return Optional.of(read());
        } catch (WebhookRejected unreadable) {
            return Optional.empty();
        }
    }

    private WebhookSecrets read() {
        try {
            WebhookSecrets secrets = store.read();
            cached = secrets;
            return secrets;
        } catch (RuntimeException e) {
            // Names the store, never a value; the delivery is not acknowledged, so Composio retries it.
            LOG.errorf("could not read the webhook secrets from %s: %s", store.location(), e.toString());
            throw new WebhookRejected(503, "webhook secret could not be read, retry later");
        }
    }
}
