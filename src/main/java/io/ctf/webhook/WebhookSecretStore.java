package io.ctf.webhook;

/**
 * Where the webhook signing secrets live: written by subscribeWebhooks when Composio issues a
 * secret (create, rotate), read by receiveWebhook. {@link WebhookSecretStoreProducer} picks the
 * implementation at run time.
 */
public interface WebhookSecretStore {

    /** The stored secrets, {@link WebhookSecrets#NONE} when there are none yet. */
    WebhookSecrets read();

    /** Replaces the stored secrets; throws when they could not be stored durably. */
    void write(WebhookSecrets secrets);

    /** Whether {@link #write} can store secrets where every function instance reads them. */
    boolean writable();

    /** Where the secrets are, for messages (an ARN or a variable name, never a value). */
    String location();
}
