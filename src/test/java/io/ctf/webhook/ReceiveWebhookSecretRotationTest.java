package io.ctf.webhook;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

import static io.ctf.webhook.Fixtures.FIXTURE_SECRET;
import static io.ctf.webhook.ReceiveWebhookFunctionTest.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * receiveWebhook reads its secrets from the store at run time: a rotation written by
 * subscribeWebhooks (in another Lambda) is picked up on the next delivery, the previous secret is
 * accepted during the overlap and refused after it, and store reads stay bounded.
 */
@QuarkusTest
class ReceiveWebhookSecretRotationTest {

    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    static final String NEW_SECRET = "whsec-after-rotation";

    @Inject
    InMemoryWebhookSecretStore store;

    @Inject
    WebhookSecretSource source;

    final AtomicReference<Instant> now = new AtomicReference<>(T0);

    @BeforeEach
    void freshStoreAndClock() {
        store.reset();
        source.invalidate();
        now.set(T0);
        QuarkusMock.installMockForType((InstantSource) now::get, InstantSource.class);
    }

    @Test
    void theSecretIsReadOnTheFirstDeliveryOnlyAndThenCached() {
        assertThat(store.reads()).isZero();
        deliver(FIXTURE_SECRET, "msg_1", 200);
        deliver(FIXTURE_SECRET, "msg_2", 200);
        assertThat(store.reads()).isEqualTo(1);
    }

    @Test
    void aRotationTakesEffectOnTheNextDeliveryAndThePreviousSecretStaysAcceptedDuringTheOverlap() {
        deliver(FIXTURE_SECRET, "msg_before", 200);

        store.write(store.secrets().rotatedTo(NEW_SECRET, T0, "ws_1")); // what subscribeWebhooks does, in another Lambda
        advance(Duration.ofSeconds(1));
        deliver(NEW_SECRET, "msg_new", 200);
        deliver(FIXTURE_SECRET, "msg_in_flight", 200);
        assertThat(store.reads()).isEqualTo(2);

        advance(Duration.ofHours(24).plusSeconds(1));
        deliver(NEW_SECRET, "msg_later", 200);
        deliver(FIXTURE_SECRET, "msg_too_late", 401);
    }

    @Test
    void signaturesThatDoNotVerifyReReadTheStoreAtMostOncePerInterval() {
        deliver(FIXTURE_SECRET, "msg_1", 200);
        deliver("forged", "msg_forged_1", 401);
        deliver("forged", "msg_forged_2", 401);
        deliver("forged", "msg_forged_3", 401);
        assertThat(store.reads()).isEqualTo(2);

        advance(Duration.ofSeconds(30));
        deliver("forged", "msg_forged_4", 401);
        assertThat(store.reads()).isEqualTo(3);
    }

    @Test
    void untilASecretIsStoredDeliveriesAre503AndTheFirstStoredSecretIsPickedUp() {
        store.write(WebhookSecrets.NONE);
        invoke(Fixtures.signedEvent(NEW_SECRET, "msg_early", now.get().getEpochSecond(), "{\"a\":1}"))
                .body("statusCode", equalTo(503))
                .body("body", equalTo("{\"error\":\"webhook secret is not configured\"}"));

        store.write(WebhookSecrets.NONE.rotatedTo(NEW_SECRET, now.get(), "ws_1"));
        deliver(NEW_SECRET, "msg_first", 200);
    }

    @Test
    void anUnreadableStoreIs503SoComposioRetries() {
        store.unreachable(true);
        invoke(Fixtures.signedEvent(FIXTURE_SECRET, "msg_1", now.get().getEpochSecond(), "{\"a\":1}"))
                .body("statusCode", equalTo(503))
                .body("body", equalTo("{\"error\":\"webhook secret could not be read, retry later\"}"));

        store.unreachable(false);
        deliver(FIXTURE_SECRET, "msg_1", 200);
    }

    private void deliver(String secret, String id, int expectedStatus) {
        invoke(Fixtures.signedEvent(secret, id, now.get().getEpochSecond(), "{\"a\":1}"))
                .body("statusCode", equalTo(expectedStatus));
    }

    private void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }
}
