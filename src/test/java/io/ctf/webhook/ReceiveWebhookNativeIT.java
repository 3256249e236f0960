package io.ctf.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * receiveWebhook in the native binary ({@code ./mvnw verify -Dnative}), which polls the mock
 * Lambda event server as it polls Lambda's runtime API. Skipped for the JVM artifact, whose
 * handler only Lambda's java runtime calls: {@code io.ctf.deploy.FunctionZipIT} covers that one.
 * Not run on this project's CI, which has neither GraalVM nor a container runtime.
 */
@QuarkusIntegrationTest
@EnabledIf("nativeArtifact")
@QuarkusTestResource(value = ReceiveWebhookNativeIT.Secret.class, restrictToAnnotatedClass = true)
class ReceiveWebhookNativeIT {

    static final String SECRET = "native-it-webhook-secret";

    static boolean nativeArtifact() throws IOException {
        Path properties = Path.of("target/quarkus-artifact.properties");
        return Files.exists(properties) && Files.readString(properties).contains("type=native");
    }

    /** The binary runs in the prod profile: the secret comes as the environment would give it. */
    public static class Secret implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("composio.webhook.secret", SECRET);
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void anAuthenticDeliveryIsAcknowledgedWithItsReceipt() {
        String body = "{\"id\":\"evt_1\",\"type\":\"composio.trigger.message\",\"timestamp\":\"2026-11-23T12:00:00Z\","
                + "\"metadata\":{\"trigger_slug\":\"GITHUB_COMMIT_EVENT\",\"trigger_id\":\"ti_1\"},\"data\":{\"sha\":\"abc\"}}";
        invoke(Fixtures.signedEvent(SECRET, "msg_native_1", Instant.now().getEpochSecond(), body))
                .body("statusCode", equalTo(200))
                .body("body", equalTo("{\"id\":\"msg_native_1\",\"version\":\"V3\",\"type\":\"composio.trigger.message\",\"duplicate\":false}"));
    }

    @Test
    void aForgedDeliveryIs401() {
        invoke(Fixtures.signedEvent("not-the-secret", "msg_native_2", Instant.now().getEpochSecond(), "{\"a\":1}"))
                .body("statusCode", equalTo(401));
    }

    /** Posts to the mock event server explicitly: rest-assured is not pointed at it for integration tests. */
    static ValidatableResponse invoke(ObjectNode event) {
        int port = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.lambda.mock-event-server.test-port", Integer.class).orElse(8081);
        return given().baseUri("http://localhost:" + port).basePath("/_lambda_")
                .contentType("application/json").accept("application/json")
                .body(event.toString())
                .when().post()
                .then().statusCode(200);
    }
}
