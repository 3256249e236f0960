package io.ctf.webhook;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.ctf.webhook.Fixtures.FIXTURE_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without an SSM parameter the secrets come from COMPOSIO_WEBHOOK_SECRET(/PREVIOUS_SECRET), read-only. */
@QuarkusTest
class ConfiguredWebhookSecretStoreTest {

    @Inject
    WebhookConfig config;

    @Test
    void readsTheConfiguredSecret() {
        var store = new ConfiguredWebhookSecretStore(config);

        assertThat(store.read()).isEqualTo(new WebhookSecrets(FIXTURE_SECRET, null, null));
        assertThat(store.location()).isEqualTo("COMPOSIO_WEBHOOK_SECRET");
    }

    @Test
    void refusesToStoreASecretItCouldNotKeep() {
        var store = new ConfiguredWebhookSecretStore(config);

        assertThat(store.writable()).isFalse();
        assertThatThrownBy(() -> store.write(new WebhookSecrets("new-secret", null, null)))
                .isInstanceOf(WebhookSecretStoreNotConfigured.class)
                .hasMessageContaining("COMPOSIO_WEBHOOK_SECRET_PARAMETER")
                .hasMessageNotContaining("new-secret");
    }
}
