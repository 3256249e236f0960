package io.ctf.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctf.webhook.inbox.DynamoDbLocalInbox;
import io.ctf.webhook.inbox.InboxTable;
import io.ctf.webhook.inbox.InjectInbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

import static io.ctf.webhook.Fixtures.FIXTURE_SECRET;
import static io.ctf.webhook.Fixtures.FIXTURE_TIME;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * receiveWebhook through Quarkus's mock Lambda event server, with real-shaped API Gateway events,
 * storing into the inbox on a DynamoDB Local (de-duplication itself: {@code DynamoDbInboxTest}).
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalInbox.class)
class ReceiveWebhookFunctionTest {

    @InjectInbox
    InboxTable inbox;

    @BeforeEach
    void emptyInboxAndClockAtTheFixturesTime() {
        // Every test starts from an empty inbox, so a first delivery is never a duplicate.
        inbox.clear();
        QuarkusMock.installMockForType(InstantSource.fixed(Instant.ofEpochSecond(FIXTURE_TIME + 42)), InstantSource.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1-github-push.json", "v2-github-push.json", "v3-github-push.json"})
    void anAuthenticFixtureDeliveryIsAcknowledged(String fixture) {
        var expected = Fixtures.load(fixture);
        invoke(Fixtures.fixtureEvent(fixture, false))
                .body("statusCode", equalTo(200))
                .body("headers.content-type", equalTo("application/json"))
                .body("body", equalTo("{\"id\":\"" + expected.at("/headers/webhook-id").asText()
                        + "\",\"version\":\"" + expected.at("/expectedResult/version").asText()
                        + "\",\"type\":\"composio.trigger.message\",\"duplicate\":false}"));
    }

    @Test
    void aBase64EncodedBodyIsDecodedBeforeVerifying() {
        invoke(Fixtures.fixtureEvent("v3-github-push.json", true))
                .body("statusCode", equalTo(200))
                .body("body", containsString("\"version\":\"V3\""));
    }

    @Test
    void theTestProfilePrintsNoMetricLines() throws Throwable {
        // Only CloudWatch reads EMF: in tests they would bury the log (ReceiveWebhookMetricsTest turns them on).
        List<String> stdout = io.ctf.metrics.Stdout.capture(() -> invoke(Fixtures.fixtureEvent("v3-github-push.json", false))
                .body("statusCode", equalTo(200)));

        assertThat(io.ctf.metrics.EmfRecords.in(stdout, false).records()).isEmpty();
    }

    @Test
    void aForeignSignatureIs401() {
        long now = FIXTURE_TIME + 42;
        invoke(Fixtures.signedEvent("someone-elses-secret", "msg_foreign", now, "{\"a\":1}"))
                .body("statusCode", equalTo(401))
                .body("body", equalTo("{\"error\":\"no valid signature\"}"));
    }

    @Test
    void missingSignatureHeadersAre401() {
        invoke(Fixtures.gatewayEvent("POST", Map.of(), "{\"a\":1}", false))
                .body("statusCode", equalTo(401))
                .body("body", containsString("missing"));
    }

    @Test
    void aStaleOrFutureOrNonNumericTimestampIs401() {
        long now = FIXTURE_TIME + 42;
        invoke(Fixtures.signedEvent(FIXTURE_SECRET, "msg_old", now - 301, "{\"a\":1}")).body("statusCode", equalTo(401));
        invoke(Fixtures.signedEvent(FIXTURE_SECRET, "msg_future", now + 301, "{\"a\":1}")).body("statusCode", equalTo(401));
        ObjectNode iso = Fixtures.signedEvent(FIXTURE_SECRET, "msg_iso", now, "{\"a\":1}");
        iso.with("headers").put("webhook-timestamp", "2025-01-29T11:30:42Z");
        invoke(iso).body("statusCode", equalTo(401)).body("body", containsString("not a number"));
    }

    @Test
    void anAuthenticEmptyOrNonJsonBodyIs400() {
        long now = FIXTURE_TIME + 42;
        invoke(Fixtures.signedEvent(FIXTURE_SECRET, "msg_empty", now, "")).body("statusCode", equalTo(400))
                .body("body", equalTo("{\"error\":\"body is empty\"}"));
        invoke(Fixtures.signedEvent(FIXTURE_SECRET, "msg_text", now, "hello")).body("statusCode", equalTo(400))
                .body("body", equalTo("{\"error\":\"body is not JSON\"}"));
    }

    @Test
    void anAuthenticObjectOfAnUnknownShapeIsStoredAsUnknown() {
        invoke(Fixtures.signedEvent(FIXTURE_SECRET, "msg_odd", FIXTURE_TIME + 42, "{\"hello\":\"world\"}"))
                .body("statusCode", equalTo(200))
                .body("body", equalTo("{\"id\":\"msg_odd\",\"version\":\"UNKNOWN\",\"type\":\"unknown\",\"duplicate\":false}"));
        assertThat(inbox.item("msg_odd").get("payload").s()).isEqualTo("{\"hello\":\"world\"}");
    }

    @Test
    void anAuthenticArrayIs400AndNotStored() {
        invoke(Fixtures.signedEvent(FIXTURE_SECRET, "msg_array", FIXTURE_TIME + 42, "[1,2,3]"))
                .body("statusCode", equalTo(400))
                .body("body", equalTo("{\"error\":\"body is not a JSON object\"}"));
        assertThat(inbox.count()).isZero();
    }

    @Test
    void anAuthenticScalarIs400AndNotStored() {
        for (String scalar : new String[]{"42", "\"text\"", "null"}) {
            invoke(Fixtures.signedEvent(FIXTURE_SECRET, "msg_scalar", FIXTURE_TIME + 42, scalar))
                    .body("statusCode", equalTo(400))
                    .body("body", equalTo("{\"error\":\"body is not a JSON object\"}"));
        }
        assertThat(inbox.count()).isZero();
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String big = "{\"x\":\"" + "a".repeat(262_144) + "\"}";
        invoke(Fixtures.signedEvent(FIXTURE_SECRET, "msg_big", FIXTURE_TIME + 42, big))
                .body("statusCode", equalTo(413));
        ObjectNode encoded = Fixtures.gatewayEvent("POST", Map.of(), big, true);
        invoke(encoded).body("statusCode", equalTo(413));
    }

    @Test
    void otherMethodsAre405() {
        invoke(Fixtures.gatewayEvent("GET", Map.of(), null, false))
                .body("statusCode", equalTo(405))
                .body("headers.allow", equalTo("POST"));
    }

    static ValidatableResponse invoke(ObjectNode event) {
        return given().contentType("application/json").accept("application/json")
                .body(event.toString())
                .when().post()
                .then().statusCode(200);
    }
}
