package io.ctf.webhook.inbox;

import io.ctf.webhook.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.ctf.webhook.Fixtures.FIXTURE_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/** No INBOX_TABLE: nothing can be stored durably, so nothing is acknowledged. */
@QuarkusTest
@TestProfile(InboxNotConfiguredTest.NoTable.class)
class InboxNotConfiguredTest {

    public static class NoTable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("inbox.table", "");
        }
    }

    @Test
    void everyAuthenticDeliveryIs503UntilTheTableIsSet() {
        var answer = DynamoDbInboxTest.deliver(Fixtures.signedEvent(FIXTURE_SECRET, "msg_no_table",
                Instant.now().getEpochSecond(), "{\"type\":\"composio.trigger.message\",\"metadata\":{},\"data\":{}}"));

        assertThat(answer.getInt("statusCode")).isEqualTo(503);
        assertThat(answer.getString("body")).isEqualTo("{\"error\":\"event could not be stored, retry later\"}");
    }
}
