package io.ctf.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctf.metrics.DeliveryOutcome;
import io.ctf.metrics.EmfRecords;
import io.ctf.metrics.MetricNames;
import io.ctf.metrics.Stdout;
import io.ctf.webhook.inbox.DynamoDbLocalInbox;
import io.ctf.webhook.inbox.InboxTable;
import io.ctf.webhook.inbox.InjectInbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

import static io.ctf.webhook.Fixtures.FIXTURE_SECRET;
import static io.ctf.webhook.Fixtures.FIXTURE_TIME;
import static io.ctf.webhook.ReceiveWebhookFunctionTest.invoke;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * receiveWebhook's metrics, read from its stdout as CloudWatch reads Embedded Metric Format: one
 * {@code Deliveries} record per invocation, with exactly one {@code Outcome}, in {@code ComposioTriggers}.
 */
@QuarkusTest
@TestProfile(ReceiveWebhookMetricsTest.MetricsOn.class)
@QuarkusTestResource(DynamoDbLocalInbox.class)
class ReceiveWebhookMetricsTest {

    /** The test profile turns the EMF lines off; these tests read them. */
    public static class MetricsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("metrics.enabled", "true");
        }
    }

    static final String NS = MetricNames.DEFAULT_NAMESPACE;
    static final long NOW = FIXTURE_TIME + 42;
    static final String BODY = "{\"type\":\"composio.trigger.message\",\"metadata\":{},\"data\":{}}";

    @InjectInbox
    InboxTable inbox;

    @BeforeEach
    void emptyInboxAndClockAtTheFixturesTime() {
        inbox.clear();
        QuarkusMock.installMockForType(InstantSource.fixed(Instant.ofEpochSecond(NOW)), InstantSource.class);
    }

    @Test
    void oneStoredOneDuplicateAndOneRefusedDeliveryAreCountedExactlyOnceEach() throws Throwable {
        List<String> stdout = Stdout.capture(() -> {
            invoke(Fixtures.signedEvent(FIXTURE_SECRET, "msg_metrics_1", NOW, BODY));
            invoke(Fixtures.signedEvent(FIXTURE_SECRET, "msg_metrics_1", NOW, BODY));
            invoke(Fixtures.signedEvent("someone-elses-secret", "msg_metrics_2", NOW, BODY));
        });
        EmfRecords emf = EmfRecords.in(stdout, false);

        assertThat(emf.sum(NS, MetricNames.DELIVERIES, MetricNames.OUTCOME))
                .isEqualTo(Map.of("stored", 1.0, "duplicate", 1.0, "unauthenticated", 1.0));
        assertThat(emf.records()).as("one record per invocation").hasSize(3);
        // The store was attempted for the first two only; a refused delivery never reaches it.
        assertThat(emf.sum(NS, MetricNames.STORE_LATENCY, MetricNames.OUTCOME).keySet()).containsExactlyInAnyOrder("stored", "duplicate");
        for (JsonNode record : emf.records()) {
            JsonNode directive = record.at("/_aws/CloudWatchMetrics/0");
            assertThat(directive.path("Dimensions").toString()).as("only the Outcome dimension").isEqualTo("[[\"Outcome\"]]");
            assertThat(record.path("_aws").path("Timestamp").isNumber()).isTrue();
            assertThat(record.path("requestId").asText()).as("joins the invocation's log lines").isNotBlank();
            assertThat(record.toString()).doesNotContain(FIXTURE_SECRET).doesNotContain("composio.trigger.message");
        }
        JsonNode latency = emf.records().get(0).path(MetricNames.STORE_LATENCY);
        assertThat(latency.asDouble()).isPositive();
        assertThat(emf.records().get(0).at("/_aws/CloudWatchMetrics/0/Metrics").toString())
                .contains("{\"Name\":\"Deliveries\",\"Unit\":\"Count\"}", "{\"Name\":\"StoreLatency\",\"Unit\":\"Milliseconds\"}");
    }

    @Test
    void everyOtherAnswerHasItsOwnOutcome() throws Throwable {
        ObjectNode badBase64 = Fixtures.gatewayEvent("POST", Map.of(), "%%%", false);
        badBase64.put("isBase64Encoded", true);
        List<String> stdout = Stdout.capture(() -> {
            invoke(Fixtures.gatewayEvent("GET", Map.of(), null, false)).body("statusCode", org.hamcrest.Matchers.equalTo(405));
            invoke(Fixtures.signedEvent(FIXTURE_SECRET, "msg_big", NOW, "{\"x\":\"" + "a".repeat(262_144) + "\"}"))
                    .body("statusCode", org.hamcrest.Matchers.equalTo(413));
            invoke(Fixtures.signedEvent(FIXTURE_SECRET, "msg_text", NOW, "hello")).body("statusCode", org.hamcrest.Matchers.equalTo(400));
            invoke(badBase64).body("statusCode", org.hamcrest.Matchers.equalTo(400));
            invoke(Fixtures.gatewayEvent("POST", Map.of(), "{}", false)).body("statusCode", org.hamcrest.Matchers.equalTo(401));
        });

        assertThat(EmfRecords.in(stdout, false).sum(NS, MetricNames.DELIVERIES, MetricNames.OUTCOME)).isEqualTo(Map.of(
                "method_not_allowed", 1.0, "too_large", 1.0, "malformed", 2.0, "unauthenticated", 1.0));
    }

    @Test
    void aStoreThatFailsIsStoreFailedWithItsLatency() throws Throwable {
        inbox.deleteTable();
        List<String> stdout;
        try {
            stdout = Stdout.capture(() -> invoke(Fixtures.signedEvent(FIXTURE_SECRET, "msg_refused", NOW, BODY))
                    .body("statusCode", org.hamcrest.Matchers.equalTo(503)));
        } finally {
            inbox.createTable();
        }
        EmfRecords emf = EmfRecords.in(stdout, false);

        assertThat(emf.sum(NS, MetricNames.DELIVERIES, MetricNames.OUTCOME)).isEqualTo(Map.of("store_failed", 1.0));
        assertThat(emf.sum(NS, MetricNames.STORE_LATENCY, MetricNames.OUTCOME)).containsOnlyKeys("store_failed");
    }

    @Test
    void theOutcomeOfEveryRefusalStatus() {
        assertThat(ReceiveWebhookFunction.outcomeOf(new WebhookRejected(400, "x"))).isEqualTo(DeliveryOutcome.MALFORMED);
        assertThat(ReceiveWebhookFunction.outcomeOf(WebhookRejected.unauthenticated("x"))).isEqualTo(DeliveryOutcome.UNAUTHENTICATED);
        assertThat(ReceiveWebhookFunction.outcomeOf(new WebhookRejected(405, "x"))).isEqualTo(DeliveryOutcome.METHOD_NOT_ALLOWED);
        assertThat(ReceiveWebhookFunction.outcomeOf(new WebhookRejected(413, "x"))).isEqualTo(DeliveryOutcome.TOO_LARGE);
        assertThat(ReceiveWebhookFunction.outcomeOf(new WebhookRejected(503, WebhookRejected.SECRET_NOT_CONFIGURED)))
                .isEqualTo(DeliveryOutcome.NOT_CONFIGURED);
        assertThat(ReceiveWebhookFunction.outcomeOf(new WebhookRejected(503, "webhook secret could not be read, retry later")))
                .as("SSM failed: transient, Composio retries").isEqualTo(DeliveryOutcome.STORE_FAILED);
    }
}
