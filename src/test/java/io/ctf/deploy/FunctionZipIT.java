package io.ctf.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctf.webhook.Fixtures;
import io.ctf.webhook.inbox.LocalDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged JVM artifact of receiveWebhook, run as Lambda's java21 runtime runs it (see
 * {@link PackagedFunction}).
 * <p>
 * Why not {@code @QuarkusIntegrationTest}: a Funqy Lambda packaged for the JVM starts no poll loop
 * (AWS's runtime calls the handler), so the mock event server would never be answered. For a
 * native build, {@code @QuarkusIntegrationTest} does work: the native binary polls. Runs only when
 * the artifact is the JVM one (not with -Dnative).
 */
@EnabledIf("io.ctf.deploy.PackagedFunction#jvmArtifactBuilt")
class FunctionZipIT {

    static final String SECRET = "it-webhook-secret";

    static final String TABLE = "composio-inbox-it";

    static LocalDynamoDb inbox;
    static PackagedFunction function;

    @BeforeAll
    static void loadTheFunctionAsLambdaDoes() throws Exception {
        inbox = LocalDynamoDb.inMemory();
        inbox.createInboxTable(TABLE);
        function = new PackagedFunction("receiveWebhook", Map.of(
                "composio.webhook.secret", SECRET,
                "inbox.table", TABLE,
                "inbox.endpoint", inbox.endpoint().toString(),
                "inbox.region", "us-east-1"));
    }

    @AfterAll
    static void unload() throws Exception {
        function.close();
        inbox.close();
    }

    @Test
    void anAuthenticDeliveryIsAcknowledgedWithItsReceipt() throws Throwable {
        String body = "{\"id\":\"evt_1\",\"type\":\"composio.trigger.message\",\"timestamp\":\"2026-11-23T12:00:00Z\","
                + "\"metadata\":{\"trigger_slug\":\"GITHUB_COMMIT_EVENT\",\"trigger_id\":\"ti_1\",\"connected_account_id\":\"ca_1\","
                + "\"user_id\":\"u_1\",\"log_id\":\"log_1\"},\"data\":{\"sha\":\"abc\"}}";
        JsonNode answer = invoke(Fixtures.signedEvent(SECRET, "msg_zip_1", Instant.now().getEpochSecond(), body).toString());

        assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        assertThat(answer.path("headers").path("content-type").asText()).isEqualTo("application/json");
        assertThat(answer.path("body").asText())
                .isEqualTo("{\"id\":\"msg_zip_1\",\"version\":\"V3\",\"type\":\"composio.trigger.message\",\"duplicate\":false}");
        var item = inbox.client().getItem(r -> r.tableName(TABLE)
                .key(Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("msg_zip_1")))).item();
        assertThat(item.get("trigger_slug").s()).isEqualTo("GITHUB_COMMIT_EVENT");
        assertThat(item.get("payload").s()).isEqualTo(body);
    }

    @Test
    void aForgedDeliveryIs401() throws Throwable {
        JsonNode answer = invoke(Fixtures.signedEvent("not-the-secret", "msg_zip_2", Instant.now().getEpochSecond(), "{\"a\":1}").toString());

        assertThat(answer.path("statusCode").asInt()).isEqualTo(401);
        assertThat(answer.path("body").asText()).isEqualTo("{\"error\":\"no valid signature\"}");
    }

    @Test
    void otherMethodsAre405() throws Throwable {
        JsonNode answer = invoke(Fixtures.gatewayEvent("GET", Map.of(), null, false).toString());

        assertThat(answer.path("statusCode").asInt()).isEqualTo(405);
    }

    static JsonNode invoke(String event) throws Throwable {
        return function.invoke(event);
    }
}
