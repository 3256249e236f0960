package io.ctf.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctf.lambda.MockLambda;
import io.ctf.webhook.Fixtures;
import io.ctf.webhook.ReceiveWebhookFunction;
import io.ctf.webhook.inbox.DynamoDbLocalInbox;
import io.ctf.webhook.inbox.InboxTable;
import io.ctf.webhook.inbox.InjectInbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.ctf.webhook.Fixtures.FIXTURE_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * publishEvents with real stream records: deliveries stored by receiveWebhook in DynamoDB Local,
 * the table's stream read with the SDK, the records handed to publishEvents through the mock event
 * server as Lambda hands them over, and what reaches the EventBridge stand-in (which refuses
 * anything over EventBridge's limits) checked.
 */
@QuarkusTest
@TestProfile(PublishEventsTest.PublishEvents.class)
@QuarkusTestResource(DynamoDbLocalInbox.class)
@QuarkusTestResource(EventBridgeStandIn.Resource.class)
class PublishEventsTest {

    /** The Lambda of publishEvents; bodies up to the inbox's 400 KB item limit accepted, so an event can outgrow an entry. */
    public static class PublishEvents implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "publishEvents", "composio.webhook.max-body-bytes", "390000");
        }
    }

    static final String ADMIN = """
            {"event":{"method":"POST","path":"/","query":{},"client_ip":"3.238.0.124",
              "body":{"type":"connected_account.add.completed","timestamp":"2024-10-17T09:10:15.989Z",
                "data":{"app_name":"slack","integration_name":"slack_worthy_cyan","integration_id":"int_1",
                        "connected_account_id":"ca_admin_1"}}}}""";
    static final String UNKNOWN = "{\"something\":\"new\",\"n\":[1,2]}";

    @InjectInbox
    InboxTable inbox;

    EventBridgeStandIn eventBridge;

    @Inject
    ReceiveWebhookFunction receiveWebhook;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void emptyInboxAndBus() {
        inbox.clear();
        eventBridge.reset();
    }

    @Test
    void everyPayloadShapeReachesTheBusOnceWithItsFieldsAndDataAsAnObject() {
        long now = Instant.now().getEpochSecond();
        store("msg_v3", fixture("v3-github-push.json"));
        store("msg_v2", fixture("v2-github-push.json"));
        store("msg_v1", fixture("v1-github-push.json"));
        store("msg_admin", ADMIN);
        store("msg_unknown", UNKNOWN);
        store("msg_v3", fixture("v3-github-push.json")); // Composio's retry: a duplicate, stored once

        JsonNode answer = publish(inbox.streamRecords());

        assertThat(answer.path("batchItemFailures").isArray()).isTrue();
        assertThat(answer.path("batchItemFailures")).isEmpty();
        assertThat(eventBridge.refusals()).isEmpty();
        assertThat(eventBridge.acceptedDetails()).extracting(d -> d.path("id").asText())
                .containsExactly("msg_v3", "msg_v2", "msg_v1", "msg_admin", "msg_unknown");
        assertThat(eventBridge.requestSizes()).containsExactly(5);

        JsonNode v3 = entry("msg_v3");
        assertThat(v3.path("Source").asText()).isEqualTo("composio");
        assertThat(v3.path("DetailType").asText()).isEqualTo("composio.trigger.message");
        assertThat(v3.path("EventBusName").asText()).isEqualTo(EventBridgeStandIn.BUS);
        assertThat(v3.path("Time").decimalValue().longValue()).isEqualTo(Instant.parse("2026-01-29T10:30:00Z").getEpochSecond());
        JsonNode d3 = detail("msg_v3");
        assertThat(names(d3)).containsExactly("id", "version", "type", "trigger_slug", "trigger_id", "connected_account_id",
                "auth_config_id", "user_id", "toolkit", "time", "log_id", "received_at", "data");
        assertThat(d3.path("version").asText()).isEqualTo("V3");
        assertThat(d3.path("trigger_slug").asText()).isEqualTo("GITHUB_PUSH_EVENT");
        assertThat(d3.path("trigger_id").asText()).isEqualTo("ti_fixture_001");
        assertThat(d3.path("connected_account_id").asText()).isEqualTo("ca_fixture_001");
        assertThat(d3.path("auth_config_id").asText()).isEqualTo("ac_fixture_001");
        assertThat(d3.path("user_id").asText()).isEqualTo("user_fixture_001");
        assertThat(d3.path("toolkit").asText()).isEqualTo("github");
        assertThat(d3.path("time").asText()).isEqualTo("2026-01-29T10:30:00Z");
        assertThat(d3.path("log_id").asText()).isEqualTo("log_fixture_001");
        assertThat(Instant.parse(d3.path("received_at").asText()).getEpochSecond()).isBetween(now - 5, now + 60);
        assertThat(d3.path("data").isObject()).as("data is an object, not a string").isTrue();
        assertThat(d3.path("data").path("repository").path("full_name").asText()).isEqualTo("user/test-repo");

        JsonNode d2 = detail("msg_v2");
        assertThat(d2.path("version").asText()).isEqualTo("V2");
        assertThat(d2.path("type").asText()).isEqualTo("composio.trigger.message");
        assertThat(d2.path("trigger_id").asText()).isEqualTo("ti_fixture_002");
        assertThat(d2.path("data").path("ref").asText()).isEqualTo("refs/heads/main");

        JsonNode d1 = detail("msg_v1");
        assertThat(d1.path("version").asText()).isEqualTo("V1");
        assertThat(names(d1)).as("V1 carries no user nor auth config").doesNotContain("user_id", "auth_config_id");
        assertThat(d1.path("data").path("commits").get(0).path("id").asText()).isEqualTo("def456");
        assertThat(entry("msg_v1").path("Time").decimalValue().longValue()).as("V1's time is the delivery's").isBetween(now - 5, now + 60);

        assertThat(entry("msg_admin").path("DetailType").asText()).isEqualTo("connected_account.add.completed");
        JsonNode admin = detail("msg_admin");
        assertThat(admin.path("toolkit").asText()).isEqualTo("slack");
        assertThat(admin.path("connected_account_id").asText()).isEqualTo("ca_admin_1");
        assertThat(names(admin)).doesNotContain("trigger_slug", "trigger_id", "log_id");
        assertThat(admin.path("data").path("integration_id").asText()).isEqualTo("int_1");

        assertThat(entry("msg_unknown").path("DetailType").asText()).isEqualTo("unknown");
        assertThat(names(entry("msg_unknown"))).as("no time of its own: EventBridge stamps it").doesNotContain("Time");
        assertThat(names(detail("msg_unknown"))).containsExactly("id", "version", "type", "received_at", "data");
        assertThat(detail("msg_unknown").path("data")).isEqualTo(json(UNKNOWN));
    }

    @Test
    void removesAndModificationsAreSkipped() {
        store("msg_kept", v3("msg_kept", "{\"n\":1}"));
        Map<String, AttributeValue> item = inbox.item("msg_kept");
        var modified = new java.util.HashMap<>(item);
        modified.put("note", AttributeValue.fromS("touched"));
        inbox.put(modified);
        inbox.delete("msg_kept");
        List<Record> records = inbox.streamRecords();
        assertThat(records).extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);

        JsonNode answer = publish(records);

        assertThat(answer.path("batchItemFailures")).isEmpty();
        assertThat(eventBridge.acceptedDetails()).extracting(d -> d.path("id").asText()).containsExactly("msg_kept");
    }

    @Test
    void moreThanTenEventsGoInPutEventsOfTenAtMost() {
        for (int i = 0; i < 25; i++) {
            store("msg_many_" + i, v3("msg_many_" + i, "{\"i\":" + i + "}"));
        }

        JsonNode answer = publish(inbox.streamRecords());

        assertThat(answer.path("batchItemFailures")).isEmpty();
        assertThat(eventBridge.refusals()).isEmpty();
        assertThat(eventBridge.requestSizes()).containsExactly(10, 10, 5);
        assertThat(eventBridge.acceptedDetails()).extracting(d -> d.path("id").asText()).doesNotHaveDuplicates().hasSize(25);
    }

    @Test
    void aFailedEntryIsReportedAsItsRecordWithEveryLaterOneAndNoneBeforeIt() {
        store("msg_a", v3("msg_a", "{}"));
        store("msg_b", v3("msg_b", "{}"));
        store("msg_c", v3("msg_c", "{}"));
        List<Record> records = inbox.streamRecords();
        eventBridge.failEntriesOf("msg_b");

        JsonNode answer = publish(records);

        assertThat(reported(answer)).containsExactly(seq(records, 1), seq(records, 2));
        assertThat(reported(answer)).doesNotContain(seq(records, 0));

        // Lambda delivers the batch again from the lowest sequence number reported.
        eventBridge.reset();
        JsonNode retried = publish(records.subList(1, 3));

        assertThat(retried.path("batchItemFailures")).isEmpty();
        assertThat(eventBridge.acceptedDetails()).extracting(d -> d.path("id").asText()).containsExactly("msg_b", "msg_c");
    }

    @Test
    void whenTheBusIsDownNothingIsAcknowledged() {
        store("msg_x", v3("msg_x", "{}"));
        store("msg_y", v3("msg_y", "{}"));
        List<Record> records = inbox.streamRecords();
        eventBridge.goDown();

        JsonNode answer = publish(records);

        assertThat(reported(answer)).containsExactly(seq(records, 0), seq(records, 1));
        assertThat(eventBridge.requestSizes()).as("the SDK retried before giving up").hasSizeGreaterThan(1);
        assertThat(eventBridge.acceptedEntries()).isEmpty();
    }

    @Test
    void anEventOver256KbIsPublishedWithoutItsData() {
        String big = "x".repeat(300_000);
        store("msg_big", v3("msg_big", "{\"blob\":\"" + big + "\"}"));
        store("msg_small", v3("msg_small", "{\"n\":2}"));

        JsonNode answer = publish(inbox.streamRecords());

        assertThat(answer.path("batchItemFailures")).isEmpty();
        assertThat(eventBridge.refusals()).isEmpty();
        JsonNode detail = detail("msg_big");
        assertThat(names(detail)).doesNotContain("data");
        assertThat(detail.path("data_omitted").asBoolean()).isTrue();
        assertThat(detail.path("trigger_slug").asText()).isEqualTo("GITHUB_COMMIT_EVENT");
        assertThat(inbox.item("msg_big").get("payload").s()).as("the consumer reads it from the inbox by id").contains(big);
        assertThat(detail("msg_small").path("data").path("n").asInt()).isEqualTo(2);
        assertThat(names(detail("msg_small"))).doesNotContain("data_omitted");
    }

    @Test
    void aRecordThatIsNotAnInboxItemIsReportedWithEveryLaterOne() {
        store("msg_before", v3("msg_before", "{}"));
        inbox.put(Map.of("id", AttributeValue.fromS("not_an_event"), "note", AttributeValue.fromS("written by hand")));
        store("msg_after", v3("msg_after", "{}"));
        List<Record> records = inbox.streamRecords();

        JsonNode answer = publish(records);

        assertThat(reported(answer)).containsExactly(seq(records, 1), seq(records, 2));
        assertThat(eventBridge.acceptedDetails()).extracting(d -> d.path("id").asText()).containsExactly("msg_before");
    }

    @Test
    void aBatchWhoseRecordHasNoSequenceNumberIsANamedErrorAndNothingIsPublished() {
        store("msg_n", v3("msg_n", "{}"));
        ObjectNode event = StreamEvents.lambdaEvent(inbox.streamRecords());
        ((ObjectNode) event.path("Records").get(0).path("dynamodb")).remove("SequenceNumber");

        String message = MockLambda.failure(MockLambda.invoke(event.toString()), MalformedStreamBatch.class);

        assertThat(message).contains("Records[0]").contains("SequenceNumber");
        assertThat(eventBridge.httpRequests()).isZero();
    }

    @Test
    void anInputThatIsNotAStreamBatchIsANamedError() {
        String message = MockLambda.failure(MockLambda.invoke("{\"detail\":{}}"), MalformedStreamBatch.class);

        assertThat(message).contains("'Records'");
    }

    @Test
    void anEmptyBatchAcknowledgesNothingToDo() {
        JsonNode answer = json(MockLambda.invoke("{\"Records\":[]}").statusCode(200).extract().asString());

        assertThat(answer.path("batchItemFailures")).isEmpty();
        assertThat(eventBridge.httpRequests()).isZero();
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** Delivers {@code body} signed now through receiveWebhook (the production path into the inbox). */
    void store(String id, String body) {
        ObjectNode event = Fixtures.signedEvent(FIXTURE_SECRET, id, Instant.now().getEpochSecond(), body);
        var answer = receiveWebhook.receiveWebhook(event);
        assertThat(answer.statusCode()).as("delivery %s", id).isEqualTo(200);
    }

    JsonNode publish(List<Record> records) {
        String answer = MockLambda.invoke(StreamEvents.lambdaEvent(records).toString()).statusCode(200).extract().asString();
        return json(answer);
    }

    static String v3(String id, String data) {
        return "{\"id\":\"evt_" + id + "\",\"timestamp\":\"2026-11-23T12:00:00Z\",\"type\":\"composio.trigger.message\","
                + "\"metadata\":{\"trigger_slug\":\"GITHUB_COMMIT_EVENT\",\"trigger_id\":\"ti_1\",\"connected_account_id\":\"ca_1\","
                + "\"auth_config_id\":\"ac_1\",\"user_id\":\"user-1\",\"log_id\":\"log_1\"},\"data\":" + data + "}";
    }

    static String fixture(String name) {
        return Fixtures.load(name).get("payload").asText();
    }

    JsonNode entry(String id) {
        List<JsonNode> entries = eventBridge.acceptedEntries();
        List<JsonNode> details = eventBridge.acceptedDetails();
        for (int i = 0; i < entries.size(); i++) {
            if (details.get(i).path("id").asText().equals(id)) {
                return entries.get(i);
            }
        }
        throw new AssertionError("no entry for " + id);
    }

    JsonNode detail(String id) {
        return json(entry(id).path("Detail").asText());
    }

    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> reported(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("batchItemFailures").forEach(f -> ids.add(f.path("itemIdentifier").asText()));
        return ids;
    }

    static String seq(List<Record> records, int i) {
        return records.get(i).dynamodb().sequenceNumber();
    }

    JsonNode json(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
