package io.ctf.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.ctf.composio.ComposioApiKeyNotConfigured;
import io.ctf.composio.InjectWireMock;
import io.ctf.composio.WireMockComposio;
import io.ctf.lambda.MockLambda;
import io.ctf.webhook.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Neither COMPOSIO_API_KEY nor COMPOSIO_API_KEY_SECRET_ARN set: the functions that call Composio fail
 * with our own configuration error, before sending anything, in the local loop (500: ours, not
 * Composio's 502) and in Lambda alike.
 */
@QuarkusTest
@TestProfile(ApiKeyNotConfiguredTest.NoApiKey.class)
@QuarkusTestResource(WireMockComposio.class)
class ApiKeyNotConfiguredTest {

    public static class NoApiKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("local.http.enabled", "true", "local.http.port", "0",
                    "composio.api-key", "", "quarkus.funqy.export", "getTriggerType");
        }
    }

    final HttpClient http = HttpClient.newHttpClient();

    @Inject
    LocalHttpServer server;

    @InjectWireMock
    WireMockServer composio;

    @BeforeEach
    void noRequestsYet() {
        composio.resetAll();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "getTriggerType | {\"slug\":\"GITHUB_COMMIT_EVENT\"}",
            "createTrigger  | {\"slug\":\"GITHUB_COMMIT_EVENT\",\"user_id\":\"user-1\",\"trigger_config\":{\"owner\":\"acme\",\"repo\":\"api\"}}",
            "listTriggers   | {\"user_ids\":[\"user-1\"]}"})
    void theLocalLoopAnswers500WithTheConfigurationError(String function, String input) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + server.port() + "/functions/" + function))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(input)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(500);
        JsonNode error = Fixtures.JSON.readTree(answer.body());
        assertThat(error.path("errorType").asText()).isEqualTo(ComposioApiKeyNotConfigured.class.getName());
        assertThat(error.path("errorMessage").asText()).contains("COMPOSIO_API_KEY_SECRET_ARN").contains("COMPOSIO_API_KEY");
        composio.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void lambdaReportsTheSameFunctionError() {
        String message = MockLambda.failure(MockLambda.invoke("{\"slug\":\"GITHUB_COMMIT_EVENT\"}"), ComposioApiKeyNotConfigured.class);

        assertThat(message).contains("Nothing was sent to Composio");
        composio.verify(0, anyRequestedFor(anyUrl()));
    }
}
