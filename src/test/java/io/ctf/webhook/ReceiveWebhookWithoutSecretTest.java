package io.ctf.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/** With no secret configured the receiver fails closed: 503, so Composio keeps and retries the delivery. */
@QuarkusTest
@TestProfile(ReceiveWebhookWithoutSecretTest.NoSecret.class)
class ReceiveWebhookWithoutSecretTest {

    public static class NoSecret implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("composio.webhook.secret", "");
        }
    }

    @Test
    void everyDeliveryIs503UntilTheSecretIsSet() {
        long now = Instant.now().getEpochSecond();
        ReceiveWebhookFunctionTest.invoke(Fixtures.signedEvent("anything", "msg_1", now, "{\"a\":1}"))
                .body("statusCode", equalTo(503))
                .body("body", equalTo("{\"error\":\"webhook secret is not configured\"}"));
    }
}
