package io.ctf.webhook.inbox;

import io.ctf.webhook.WebhookEvent;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The item written for an event, without a store: what the conditional put carries. */
class DynamoDbInboxItemTest {

    static final Instant RECEIVED = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void theTtlIsTheTimeReceivedPlusTheConfiguredRetention() {
        Map<String, AttributeValue> item = DynamoDbInbox.item(unknownEvent(), RECEIVED, Duration.ofDays(30));

        assertThat(item.get("expires_at").n()).isEqualTo(Long.toString(RECEIVED.getEpochSecond() + 30 * 86_400));
        assertThat(item.get("received_at").s()).isEqualTo("2026-11-23T10:00:00Z");
    }

    @Test
    void anEventWithoutNormalisedFieldsKeepsOnlyWhatItHas() {
        Map<String, AttributeValue> item = DynamoDbInbox.item(unknownEvent(), RECEIVED, Duration.ofDays(7));

        assertThat(item).containsOnlyKeys("id", "version", "type", "received_at", "expires_at", "payload");
        assertThat(item.get("type").s()).isEqualTo("unknown");
        assertThat(item.get("payload").s()).isEqualTo("{\"something\":\"new\"}");
    }

    private static WebhookEvent unknownEvent() {
        return new WebhookEvent("msg_odd", WebhookEvent.UNKNOWN, WebhookEvent.UNKNOWN_TYPE,
                null, null, null, null, null, null, null, null, null, "{\"something\":\"new\"}");
    }
}
