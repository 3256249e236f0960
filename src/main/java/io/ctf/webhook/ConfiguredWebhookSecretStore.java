package io.ctf.webhook;

/**
 * The secrets from configuration: {@code COMPOSIO_WEBHOOK_SECRET} and
 * {@code COMPOSIO_WEBHOOK_PREVIOUS_SECRET}. For local runs and deploys that manage the secret
 * themselves; read-only, since a function cannot change its own environment.
 */
final class ConfiguredWebhookSecretStore implements WebhookSecretStore {

    private final WebhookConfig config;

    ConfiguredWebhookSecretStore(WebhookConfig config) {
        this.config = config;
    }

    @Override
    public WebhookSecrets read() {
        return new WebhookSecrets(
                config.secret().filter(s -> !s.isBlank()).orElse(null),
                config.previousSecret().filter(s -> !s.isBlank()).orElse(null),
                null);
    }

    @Override
    public void write(WebhookSecrets secrets) {
        throw new WebhookSecretStoreNotConfigured();
    }

    @Override
    public boolean writable() {
        return false;
    }

    @Override
    public String location() {
        return "COMPOSIO_WEBHOOK_SECRET";
    }
}
