package io.ctf.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static io.ctf.webhook.Fixtures.FIXTURE_SECRET;
import static io.ctf.webhook.Fixtures.FIXTURE_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignatureVerifierTest {

    private static final Duration TOLERANCE = Duration.ofSeconds(300);
    private static final Instant AT_FIXTURE_TIME = Instant.ofEpochSecond(FIXTURE_TIME);

    @TestFactory
    Stream<DynamicTest> everyGoldenVectorOfComposioVerifies() {
        JsonNode cases = Fixtures.load("golden-signatures.json").get("testCases");
        assertThat(cases).hasSize(5);
        return StreamSupport.stream(cases.spliterator(), false).map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> {
            long timestamp = c.get("timestamp").asLong();
            var delivery = new SignedDelivery(c.get("id").asText(), c.get("timestamp").asText(),
                    c.get("expectedSignature").asText(), c.get("payload").asText().getBytes(StandardCharsets.UTF_8));
            var verifier = new SignatureVerifier(List.of(c.get("secret").asText()), TOLERANCE);
            assertThatCode(() -> verifier.verify(delivery, Instant.ofEpochSecond(timestamp))).doesNotThrowAnyException();
            // And the same vector fails under any other secret.
            var other = new SignatureVerifier(List.of(c.get("secret").asText() + "x"), TOLERANCE);
            assertRejected(() -> other.verify(delivery, Instant.ofEpochSecond(timestamp)), "no valid signature");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureDeliveryVerifies() {
        var verifier = new SignatureVerifier(List.of(FIXTURE_SECRET), TOLERANCE);
        return Stream.of("v1-github-push.json", "v2-github-push.json", "v3-github-push.json").map(name ->
                DynamicTest.dynamicTest(name, () -> assertThatCode(
                        () -> verifier.verify(Fixtures.delivery(name), AT_FIXTURE_TIME)).doesNotThrowAnyException()));
    }

    @Test
    void aTamperedBodyIsRejected() {
        SignedDelivery real = Fixtures.delivery("v3-github-push.json");
        byte[] body = real.body().clone();
        body[body.length - 3] = 'X';
        var tampered = new SignedDelivery(real.id(), real.timestamp(), real.signatures(), body);
        assertRejected(() -> verifier().verify(tampered, AT_FIXTURE_TIME), "no valid signature");
    }

    @Test
    void theSignatureCoversTheIdAndTheTimestamp() {
        SignedDelivery real = Fixtures.delivery("v3-github-push.json");
        var otherId = new SignedDelivery("msg_other", real.timestamp(), real.signatures(), real.body());
        var otherTime = new SignedDelivery(real.id(), Long.toString(FIXTURE_TIME + 1), real.signatures(), real.body());
        assertRejected(() -> verifier().verify(otherId, AT_FIXTURE_TIME), "no valid signature");
        assertRejected(() -> verifier().verify(otherTime, AT_FIXTURE_TIME), "no valid signature");
    }

    @Test
    void anyOneMatchingV1SignatureAmongSeveralPasses() {
        SignedDelivery real = Fixtures.delivery("v2-github-push.json");
        String header = "v1,bm90IGl0 v2," + real.signatures().substring(3) + " v1,%%%notbase64 " + real.signatures();
        var several = new SignedDelivery(real.id(), real.timestamp(), header, real.body());
        assertThatCode(() -> verifier().verify(several, AT_FIXTURE_TIME)).doesNotThrowAnyException();
    }

    @Test
    void aSignatureOfAnotherVersionAloneDoesNotPass() {
        SignedDelivery real = Fixtures.delivery("v2-github-push.json");
        var v2only = new SignedDelivery(real.id(), real.timestamp(), "v2," + real.signatures().substring(3), real.body());
        assertRejected(() -> verifier().verify(v2only, AT_FIXTURE_TIME), "no valid signature");
    }

    @Test
    void theSecretIsUsedAsRawUtf8NotBase64Decoded() {
        // A Standard Webhooks verifier would strip "whsec_" and base64-decode; Composio does neither.
        String secret = "whsec_c2VjcmV0";
        String body = "{\"a\":1}";
        var delivery = new SignedDelivery("msg_1", "1700000000", Fixtures.sign(secret, "msg_1", 1700000000L, body),
                body.getBytes(StandardCharsets.UTF_8));
        assertThatCode(() -> new SignatureVerifier(List.of(secret), TOLERANCE).verify(delivery, Instant.ofEpochSecond(1700000000L)))
                .doesNotThrowAnyException();
    }

    @Test
    void timestampsMoreThanTheToleranceAwayEitherWayAreRejected() {
        SignedDelivery real = Fixtures.delivery("v1-github-push.json");
        assertThatCode(() -> verifier().verify(real, AT_FIXTURE_TIME.plusSeconds(300))).doesNotThrowAnyException();
        assertThatCode(() -> verifier().verify(real, AT_FIXTURE_TIME.minusSeconds(300))).doesNotThrowAnyException();
        assertRejected(() -> verifier().verify(real, AT_FIXTURE_TIME.plusSeconds(301)), "tolerance");
        assertRejected(() -> verifier().verify(real, AT_FIXTURE_TIME.minusSeconds(301)), "tolerance");
    }

    @Test
    void aNonNumericTimestampIsRejected() {
        SignedDelivery real = Fixtures.delivery("v1-github-push.json");
        var iso = new SignedDelivery(real.id(), "2025-01-29T10:30:00Z", real.signatures(), real.body());
        assertRejected(() -> verifier().verify(iso, AT_FIXTURE_TIME), "not a number");
    }

    @Test
    void missingHeadersAreRejected() {
        SignedDelivery real = Fixtures.delivery("v1-github-push.json");
        assertRejected(() -> verifier().verify(new SignedDelivery(null, real.timestamp(), real.signatures(), real.body()), AT_FIXTURE_TIME), "missing");
        assertRejected(() -> verifier().verify(new SignedDelivery(real.id(), "", real.signatures(), real.body()), AT_FIXTURE_TIME), "missing");
        assertRejected(() -> verifier().verify(new SignedDelivery(real.id(), real.timestamp(), null, real.body()), AT_FIXTURE_TIME), "missing");
    }

    @Test
    void thePreviousSecretStillVerifiesDuringRotation() {
        var rotating = new SignatureVerifier(List.of("the-new-secret", FIXTURE_SECRET), TOLERANCE);
        assertThatCode(() -> rotating.verify(Fixtures.delivery("v3-github-push.json"), AT_FIXTURE_TIME)).doesNotThrowAnyException();
    }

    private static SignatureVerifier verifier() {
        return new SignatureVerifier(List.of(FIXTURE_SECRET), TOLERANCE);
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WebhookRejected.class, r -> {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.reason()).contains(reason);
        });
    }
}
