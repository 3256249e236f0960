package io.ctf.composio;

import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The Composio API key as the SecretString of a Secrets Manager secret
 * ({@code COMPOSIO_API_KEY_SECRET_ARN}), read on the first Composio call and kept for the
 * container's life. Read again only when Composio rejects the key (it may have been rotated), at
 * most once per {@code refreshInterval}. The SDK client is built on first use. The key is never
 * logged and never put in an error: a failed read names the secret and the SDK's error code only.
 */
final class SecretsManagerApiKey {

    private static final Logger LOG = Logger.getLogger(SecretsManagerApiKey.class);

    private final String secretId;
    private final Supplier<SecretsManagerClient> clientFactory;
    private final long refreshIntervalNanos;
    private final LongSupplier nanoTime;

    private SecretsManagerClient client;
    private String key;
    private long readAt;
    private boolean firstReadLogged;

    SecretsManagerApiKey(String secretId, Supplier<SecretsManagerClient> clientFactory, Duration refreshInterval, LongSupplier nanoTime) {
        this.secretId = secretId;
        this.clientFactory = clientFactory;
        this.refreshIntervalNanos = refreshInterval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The key, read from Secrets Manager the first time. */
    synchronized String get() {
        if (key == null) {
            key = read();
        }
        return key;
    }

    /**
     * Composio refused {@code rejected}: reads the secret again unless that was done less than the
     * refresh interval ago. True when a different key is now current (worth one more attempt).
     */
    synchronized boolean refreshAfterRejection(String rejected) {
        if (key != null && !key.equals(rejected)) {
            return true; // another call already refreshed it
        }
        if (key != null && nanoTime.getAsLong() - readAt < refreshIntervalNanos) {
            return false;
        }
        String fresh = read();
        key = fresh;
        return !fresh.equals(rejected);
    }

    String secretId() {
        return secretId;
    }

    private String read() {
        String value;
        long start = System.nanoTime();
        try {
            if (client == null) {
                client = clientFactory.get();
            }
            value = client.getSecretValue(r -> r.secretId(secretId)).secretString();
            if (!firstReadLogged) {
                firstReadLogged = true;
                // The run-time key's share of a container's first Composio call (docs/performance.md).
                // %s, not %d: a first %d loads the locale's number symbols, about 1 ms of a native cold start (docs/native.md).
                LOG.infof("Composio API key read from Secrets Manager in %s ms (the first read: client built if needed, one request)",
                        (System.nanoTime() - start) / 1_000_000);
            }
        } catch (SecretsManagerException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            throw ComposioAuthenticationFailed.unreadableSecret(secretId, code != null ? code : "HTTP " + e.statusCode());
        } catch (SdkException e) {
            throw ComposioAuthenticationFailed.unreadableSecret(secretId, e.getClass().getSimpleName());
        } finally {
            readAt = nanoTime.getAsLong();
        }
        if (value == null || value.isBlank()) {
            throw ComposioAuthenticationFailed.unreadableSecret(secretId, "no SecretString");
        }
        return value.strip();
    }
}
