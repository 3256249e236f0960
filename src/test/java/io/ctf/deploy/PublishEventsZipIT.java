package io.ctf.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctf.events.EventBridgeStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged JVM artifact of publishEvents, run as Lambda's java21 runtime runs it (see
 * {@link PackagedFunction}), given a DynamoDB stream batch exactly as Lambda delivers one and
 * publishing to the WireMock EventBridge through the SDK's standard endpoint override.
 */
@EnabledIf("io.ctf.deploy.PackagedFunction#jvmArtifactBuilt")
class PublishEventsZipIT {

    static EventBridgeStandIn eventBridge;
    static PackagedFunction function;

    @BeforeAll
    static void loadTheFunctionAsLambdaDoes() throws Exception {
        eventBridge = new EventBridgeStandIn().start();
        function = new PackagedFunction("publishEvents", Map.of(
                "event.bus-name", "arn:aws:events:eu-west-1:123456789012:event-bus/composio-events",
                "event.region", "eu-west-1",
                EventBridgeStandIn.SDK_ENDPOINT_PROPERTY, eventBridge.url(),
                "aws.accessKeyId", "AKIDZIPIT",
                "aws.secretAccessKey", "zip-it-secret"));
    }

    @AfterAll
    static void unload() throws Exception {
        function.close();
        eventBridge.stop();
    }

    @BeforeEach
    void reset() {
        eventBridge.reset();
    }

    @Test
    void anInsertIsPublishedAndARemoveSkipped() throws Throwable {
        JsonNode answer = function.invoke(batch(insert("100", "msg_zip_1"), remove("101", "msg_zip_0")));

        assertThat(answer.toString()).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(eventBridge.acceptedEntries()).hasSize(1);
        JsonNode entry = eventBridge.acceptedEntries().get(0);
        assertThat(entry.path("Source").asText()).isEqualTo("composio");
        assertThat(entry.path("DetailType").asText()).isEqualTo("composio.trigger.message");
        assertThat(entry.path("EventBusName").asText()).endsWith(":event-bus/composio-events");
        JsonNode detail = eventBridge.acceptedDetails().get(0);
        assertThat(detail.path("id").asText()).isEqualTo("msg_zip_1");
        assertThat(detail.path("auth_config_id").asText()).isEqualTo("ac_1");
        assertThat(detail.path("data").path("sha").asText()).isEqualTo("abc");
    }

    @Test
    void aFailedEntryIsReportedByItsSequenceNumber() throws Throwable {
        eventBridge.failEntriesOf("msg_zip_3");

        JsonNode answer = function.invoke(batch(insert("200", "msg_zip_2"), insert("201", "msg_zip_3")));

        assertThat(answer.toString()).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"201\"}]}");
    }

    static String batch(String... records) {
        return "{\"Records\":[" + String.join(",", records) + "]}";
    }

    static String insert(String sequence, String id) {
        String payload = ("{\"id\":\"evt_1\",\"type\":\"composio.trigger.message\",\"timestamp\":\"2026-11-23T12:00:00Z\","
                + "\"metadata\":{\"trigger_slug\":\"GITHUB_COMMIT_EVENT\",\"auth_config_id\":\"ac_1\"},\"data\":{\"sha\":\"abc\"}}")
                .replace("\"", "\\\"");
        return """
                {"eventID":"e%1$s","eventName":"INSERT","eventVersion":"1.1","eventSource":"aws:dynamodb","awsRegion":"eu-west-1",
                 "dynamodb":{"ApproximateCreationDateTime":1795000000,"Keys":{"id":{"S":"%2$s"}},
                   "NewImage":{"id":{"S":"%2$s"},"version":{"S":"V3"},"type":{"S":"composio.trigger.message"},
                     "trigger_slug":{"S":"GITHUB_COMMIT_EVENT"},"auth_config_id":{"S":"ac_1"},"toolkit":{"S":"github"},
                     "time":{"S":"2026-11-23T12:00:00Z"},"received_at":{"S":"2026-11-23T12:00:01Z"},
                     "expires_at":{"N":"1795604801"},"payload":{"S":"%3$s"}},
                   "SequenceNumber":"%1$s","SizeBytes":420,"StreamViewType":"NEW_IMAGE"},
                 "eventSourceARN":"arn:aws:dynamodb:eu-west-1:123456789012:table/inbox/stream/2026-11-23T00:00:00.000"}"""
                .formatted(sequence, id, payload);
    }

    static String remove(String sequence, String id) {
        return """
                {"eventID":"e%1$s","eventName":"REMOVE","eventVersion":"1.1","eventSource":"aws:dynamodb","awsRegion":"eu-west-1",
                 "userIdentity":{"type":"Service","principalId":"dynamodb.amazonaws.com"},
                 "dynamodb":{"ApproximateCreationDateTime":1795000000,"Keys":{"id":{"S":"%2$s"}},
                   "SequenceNumber":"%1$s","SizeBytes":20,"StreamViewType":"NEW_IMAGE"},
                 "eventSourceARN":"arn:aws:dynamodb:eu-west-1:123456789012:table/inbox/stream/2026-11-23T00:00:00.000"}"""
                .formatted(sequence, id);
    }
}
