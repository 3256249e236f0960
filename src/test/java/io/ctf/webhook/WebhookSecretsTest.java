package io.ctf.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSecretsTest {

    static final Instant ROTATED = Instant.parse("2026-11-23T12:00:00Z");
    static final Duration OVERLAP = Duration.ofHours(24);

    @Test
    void aRotationMakesTheNewSecretCurrentAndKeepsTheOldAsPrevious() {
        var rotated = new WebhookSecrets("old", null, null).rotatedTo("new", ROTATED, "ws_1");

        assertThat(rotated).isEqualTo(new WebhookSecrets("new", "old", ROTATED, "ws_1"));
    }

    @Test
    void thePreviousSecretIsAcceptedOnlyDuringTheOverlap() {
        var secrets = new WebhookSecrets("new", "old", ROTATED);

        assertThat(secrets.accepted(ROTATED.plus(OVERLAP), OVERLAP)).containsExactly("new", "old");
        assertThat(secrets.accepted(ROTATED.plus(OVERLAP).plusSeconds(1), OVERLAP)).containsExactly("new");
    }

    @Test
    void configuredSecretsWithoutARotationTimeAreBothAccepted() {
        assertThat(new WebhookSecrets("a", "b", null).accepted(Instant.MAX, OVERLAP)).containsExactly("a", "b");
    }

    @Test
    void nothingStoredAcceptsNothing() {
        assertThat(WebhookSecrets.NONE.hasCurrent()).isFalse();
        assertThat(WebhookSecrets.NONE.accepted(ROTATED, OVERLAP)).isEmpty();
        assertThat(WebhookSecrets.NONE.rotatedTo("first", ROTATED, "ws_1")).isEqualTo(new WebhookSecrets("first", null, ROTATED, "ws_1"));
    }

    @Test
    void neverPrintsASecret() {
        assertThat(new WebhookSecrets("s3cr3t-current", "s3cr3t-previous", ROTATED).toString())
                .doesNotContain("s3cr3t")
                .contains("***");
    }

    @Test
    void aSecretBelongsToTheSubscriptionItWasIssuedForOrToAnyWhenNobodyRecordedWhose() {
        assertThat(new WebhookSecrets("s", null, ROTATED, "ws_1").mayBelongTo("ws_1")).isTrue();
        assertThat(new WebhookSecrets("s", null, ROTATED, "ws_1").mayBelongTo("ws_2")).isFalse();
        assertThat(new WebhookSecrets("s", null, null).mayBelongTo("ws_2")).isTrue();
        assertThat(WebhookSecrets.NONE.mayBelongTo("ws_1")).isFalse();
    }
}
