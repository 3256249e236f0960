package io.ctf.webhook.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctf.lambda.LogCapture;
import io.ctf.webhook.EventSink;
import io.ctf.webhook.Fixtures;
import io.ctf.webhook.WebhookEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.ctf.webhook.Fixtures.FIXTURE_SECRET;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** receiveWebhook storing into a real DynamoDB Local: at least once in, exactly once stored. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalInbox.class)
class DynamoDbInboxTest {

    /**
     * Deliveries are signed now, not at the fixtures' time (2025): DynamoDB Local deletes expired
     * items as DynamoDB does, so an item whose TTL had passed could vanish while a test reads it.
     */
    static final long NOW = Instant.now().getEpochSecond();

    @InjectInbox
    InboxTable inbox;

    @Inject
    EventSink sink;

    @BeforeEach
    void emptyInboxAndFixedClock() {
        inbox.clear();
        QuarkusMock.installMockForType(InstantSource.fixed(Instant.ofEpochSecond(NOW)), InstantSource.class);
    }

    @Test
    void theProductionSinkIsTheInbox() {
        assertThat(sink).isInstanceOf(DynamoDbInbox.class);
    }

    @Test
    void anEventIsStoredOnceAndARepeatIsAcknowledgedAsDuplicate() {
        ObjectNode delivery = signed("msg_once", "{\"type\":\"composio.trigger.message\",\"metadata\":{},\"data\":{}}");

        JsonPath first = deliver(delivery);
        JsonPath second = deliver(delivery);

        assertThat(first.getInt("statusCode")).isEqualTo(200);
        assertThat(receipt(first).getBoolean("duplicate")).isFalse();
        assertThat(second.getInt("statusCode")).isEqualTo(200);
        assertThat(receipt(second).getBoolean("duplicate")).isTrue();
        assertThat(receipt(second).getString("id")).isEqualTo("msg_once");
        assertThat(inbox.count()).isEqualTo(1);
    }

    @Test
    void twentyConcurrentDeliveriesOfOneIdLeaveOneItemAndAreAllAcknowledged() throws Exception {
        ObjectNode delivery = signed("msg_burst", "{\"type\":\"composio.trigger.message\",\"metadata\":{},\"data\":{\"n\":1}}");

        List<JsonPath> answers = concurrently(20, () -> deliver(delivery));

        assertThat(answers).extracting(a -> a.getInt("statusCode")).containsOnly(200);
        assertThat(answers).extracting(a -> receipt(a).getBoolean("duplicate")).containsOnlyOnce(false);
        assertThat(inbox.count()).isEqualTo(1);
    }

    @Test
    void twentyContainersStoringOneIdAtOnceStoreItOnce() throws Exception {
        // Straight at the store from 20 threads: the conditional put, not the function's serial loop, decides.
        WebhookEvent event = event("msg_race");

        List<Boolean> stored = concurrently(20, () -> sink.store(event));

        assertThat(stored).containsOnlyOnce(true);
        assertThat(stored).filteredOn(s -> !s).hasSize(19);
        assertThat(inbox.count()).isEqualTo(1);
    }

    @Test
    void aThousandDistinctDeliveriesAreAThousandItems() {
        for (int i = 0; i < 1000; i++) {
            JsonPath answer = deliver(signed("msg_many_" + i, "{\"type\":\"composio.trigger.message\",\"metadata\":{},\"data\":{\"i\":" + i + "}}"));
            assertThat(answer.getInt("statusCode")).as("delivery %d", i).isEqualTo(200);
            assertThat(receipt(answer).getBoolean("duplicate")).as("delivery %d", i).isFalse();
        }
        assertThat(inbox.count()).isEqualTo(1000);
        assertThat(inbox.item("msg_many_999").get("payload").s()).contains("\"i\":999");
    }

    @Test
    void anUnreachableStoreIs503AndTheRetryIsStoredOnceItRecovers() {
        ObjectNode delivery = signed("msg_outage", "{\"type\":\"composio.trigger.message\",\"metadata\":{},\"data\":{}}");
        inbox.stopServer();
        JsonPath duringOutage;
        try {
            duringOutage = deliver(delivery);
        } finally {
            inbox.startServer();
        }

        assertThat(duringOutage.getInt("statusCode")).isEqualTo(503);
        assertThat(duringOutage.getString("headers.retry-after")).isEqualTo("5");
        assertThat(duringOutage.getString("body")).isEqualTo("{\"error\":\"event could not be stored, retry later\"}");
        assertThat(inbox.item("msg_outage")).isEmpty();

        JsonPath retried = deliver(delivery);

        assertThat(retried.getInt("statusCode")).isEqualTo(200);
        assertThat(receipt(retried).getBoolean("duplicate")).isFalse();
        assertThat(inbox.item("msg_outage")).containsKey("payload");
    }

    @Test
    void aStoreThatRefusesIs503AndNothingIsAcknowledged() {
        ObjectNode delivery = signed("msg_refused", "{\"type\":\"composio.trigger.message\",\"metadata\":{},\"data\":{}}");
        inbox.deleteTable();
        LogCapture log = new LogCapture().install();

        JsonPath refused;
        try {
            refused = deliver(delivery);
        } finally {
            log.uninstall();
            inbox.createTable();
        }

        assertThat(log.lines()).filteredOn(line -> line.contains("delivery msg_refused not stored"))
                .as("the AWS error on one line: its message says what failed, the SDK's stack adds nothing")
                .singleElement().asString()
                .contains("ResourceNotFoundException", "Status Code: 400").doesNotContain("\n");

        assertThat(refused.getInt("statusCode")).isEqualTo(503);
        assertThat(refused.getString("body")).doesNotContain("msg_refused").doesNotContain("duplicate");
        assertThat(inbox.count()).isZero();
        JsonPath retried = deliver(delivery);
        assertThat(retried.getInt("statusCode")).isEqualTo(200);
        assertThat(inbox.count()).isEqualTo(1);
    }

    @Test
    void theItemExpiresAfterTheRetentionOfSevenDays() {
        deliver(signed("msg_ttl", "{\"type\":\"composio.trigger.message\",\"metadata\":{},\"data\":{}}"));

        Map<String, AttributeValue> item = inbox.item("msg_ttl");

        assertThat(item.get("expires_at").n()).isEqualTo(Long.toString(NOW + Duration.ofDays(7).toSeconds()));
        assertThat(item.get("received_at").s()).isEqualTo(Instant.ofEpochSecond(NOW).toString());
    }

    @Test
    void theItemCarriesTheNormalisedFieldsAndTheRawPayload() {
        var fixture = Fixtures.load("v3-github-push.json");
        deliver(signed("msg_fixture_v3_001", fixture.get("payload").asText()));

        Map<String, AttributeValue> item = inbox.item("msg_fixture_v3_001");

        assertThat(strings(item)).containsAllEntriesOf(Map.of(
                "id", "msg_fixture_v3_001",
                "version", "V3",
                "type", "composio.trigger.message",
                "trigger_slug", fixture.at("/expectedResult/triggerSlug").asText(),
                "trigger_id", "ti_fixture_001",
                "connected_account_id", fixture.at("/expectedResult/connectedAccountId").asText(),
                "user_id", fixture.at("/expectedResult/userId").asText(),
                "toolkit", "github",
                "time", "2026-01-29T10:30:00Z",
                "log_id", "log_fixture_001"));
        assertThat(item.get("auth_config_id").s()).as("V3 metadata's auth config").isEqualTo("ac_fixture_001");
        assertThat(item.get("payload").s()).isEqualTo(fixture.get("payload").asText());
        assertThat(item).doesNotContainKey("data");
    }

    @Test
    void fieldsAPayloadVersionDoesNotCarryAreLeftOut() {
        deliver(signed("msg_v1", Fixtures.load("v1-github-push.json").get("payload").asText()));

        Map<String, AttributeValue> item = inbox.item("msg_v1");

        assertThat(item.get("version").s()).isEqualTo("V1");
        assertThat(item.get("time").s()).as("V1 has no time of its own: the delivery's").isEqualTo(Instant.ofEpochSecond(NOW).toString());
        assertThat(item).doesNotContainKeys("user_id", "auth_config_id");
    }

    @Test
    void consumersOfTheStreamSeeEachEventOnceWithItsAttributes() {
        ObjectNode delivery = signed("msg_stream", "{\"type\":\"composio.trigger.message\",\"metadata\":{\"trigger_slug\":\"SLACK_RECEIVE_MESSAGE\"},\"data\":{}}");
        deliver(delivery);
        deliver(delivery);

        var records = inbox.streamRecords();

        assertThat(records).hasSize(1);
        assertThat(records.get(0).eventName()).isEqualTo(OperationType.INSERT);
        assertThat(records.get(0).dynamodb().newImage().get("toolkit").s()).isEqualTo("slack");
        assertThat(records.get(0).dynamodb().newImage().get("id").s()).isEqualTo("msg_stream");
    }

    private static Map<String, String> strings(Map<String, AttributeValue> item) {
        Map<String, String> strings = new HashMap<>();
        item.forEach((name, value) -> {
            if (value.s() != null) {
                strings.put(name, value.s());
            }
        });
        return strings;
    }

    private static WebhookEvent event(String id) {
        return new WebhookEvent(id, WebhookEvent.V3, WebhookEvent.TRIGGER_MESSAGE, "GITHUB_COMMIT_EVENT", "ti_1",
                "ca_1", "ac_1", "user-1", "github", "2026-01-29T10:30:00Z", "log_1", null, "{\"type\":\"composio.trigger.message\"}");
    }

    private static ObjectNode signed(String id, String body) {
        return Fixtures.signedEvent(FIXTURE_SECRET, id, NOW, body);
    }

    /** One invocation through the mock Lambda event server; the function's answer as JSON. */
    static JsonPath deliver(ObjectNode event) {
        return given().contentType("application/json").accept("application/json")
                .body(event.toString())
                .when().post()
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath receipt(JsonPath answer) {
        return JsonPath.from(answer.getString("body"));
    }

    private static <T> List<T> concurrently(int copies, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
