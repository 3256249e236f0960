package io.ctf.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.time.Duration;

/**
 * The SSM parameter when {@code COMPOSIO_WEBHOOK_SECRET_PARAMETER} is set (the deployed stack),
 * otherwise the read-only configured secret (local runs, simple deploys).
 */
public class WebhookSecretStoreProducer {

    @Produces
    @ApplicationScoped
    WebhookSecretStore webhookSecretStore(WebhookConfig config, ObjectMapper json) {
        return config.secretParameter()
                .filter(name -> !name.isBlank())
                .<WebhookSecretStore>map(name -> new SsmWebhookSecretStore(name, json, WebhookSecretStoreProducer::ssm))
                .orElseGet(() -> new ConfiguredWebhookSecretStore(config));
    }

    /** Region and credentials from Lambda's environment; the JDK's HTTP client keeps the package small. */
    static SsmClient ssm() {
        // Bounded: a stalled read must end in receiveWebhook's 503 (Composio retries), not a Lambda timeout.
        return SsmClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(3))
                        .build())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(5)))
                .build();
    }
}
