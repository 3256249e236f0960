package io.ctf.webhook;

import io.quarkus.test.Mock;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The secret store of every {@code @QuarkusTest}: in memory, starting from the configured secrets
 * (so tests that sign with {@code composio.webhook.secret} keep working), writable like the SSM
 * store of a deployed stack. {@link SsmWebhookSecretStoreTest} covers the SSM store itself.
 */
@Mock
@ApplicationScoped
public class InMemoryWebhookSecretStore implements WebhookSecretStore {

    @Inject
    WebhookConfig config;

    private volatile WebhookSecrets secrets;
    private final AtomicInteger reads = new AtomicInteger();
    private volatile boolean unreachable;

    @PostConstruct
    void init() {
        reset();
    }

    /** Back to the configured secrets, no reads counted, reachable. */
    public void reset() {
        secrets = new ConfiguredWebhookSecretStore(config).read();
        reads.set(0);
        unreachable = false;
    }

    public WebhookSecrets secrets() {
        return secrets;
    }

    public int reads() {
        return reads.get();
    }

    /** Makes every read and write fail, as an unreachable store would. */
    public void unreachable(boolean unreachable) {
        this.unreachable = unreachable;
    }

    @Override
    public WebhookSecrets read() {
        reads.incrementAndGet();
        failIfUnreachable();
        return secrets;
    }

    @Override
    public void write(WebhookSecrets secrets) {
        failIfUnreachable();
        this.secrets = secrets;
    }

    @Override
    public boolean writable() {
        return true;
    }

    @Override
    public String location() {
        return "/test/composio/webhook-secrets";
    }

    private void failIfUnreachable() {
        if (unreachable) {
            throw new IllegalStateException("the store is unreachable");
        }
    }
}
