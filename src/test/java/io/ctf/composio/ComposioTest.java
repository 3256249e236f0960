package io.ctf.composio;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared Composio client against a WireMock Composio speaking the spec's shapes. */
@QuarkusTest
@QuarkusTestResource(WireMockComposio.class)
class ComposioTest {

    static final String TRIGGER_TYPE = """
            {"slug":"GITHUB_COMMIT_EVENT","name":"Commit Event","description":"New commit","instructions":"",
             "type":"webhook","toolkit":{"slug":"github","name":"GitHub","logo":"https://logos/github"},
             "config":{"type":"object","properties":{"owner":{"type":"string"},"repo":{"type":"string"}},"required":["owner","repo"]},
             "payload":{},"version":"20250909_00"}""";

    static final String ERROR_BODY = """
            {"error":{"message":"Trigger type not found","code":404,"slug":"TriggerType_NotFound","status":404,
             "request_id":"req_123","suggested_fix":"Check the slug","errors":["slug: unknown"]}}""";

    @InjectWireMock
    WireMockServer composio;

    @Inject
    Composio client;

    @BeforeEach
    void reset() {
        composio.resetAll();
    }

    @Test
    void sendsTheApiKeyAndReadsTheSpecShape() {
        composio.stubFor(get(urlPathEqualTo("/api/v3.1/triggers_types/GITHUB_COMMIT_EVENT")).willReturn(okJson(TRIGGER_TYPE)));

        TriggerType type = client.call(api -> api.getTriggerType("GITHUB_COMMIT_EVENT", "latest"));

        assertThat(type.toolkitSlug()).isEqualTo("github");
        assertThat(type.config().path("required").toString()).isEqualTo("[\"owner\",\"repo\"]");
        assertThat(type.needsWebhookEndpoint()).isFalse();
        composio.verify(getRequestedFor(urlPathEqualTo("/api/v3.1/triggers_types/GITHUB_COMMIT_EVENT"))
                .withHeader("x-api-key", equalTo("test-api-key-never-logged"))
                .withQueryParam("toolkit_versions", equalTo("latest")));
    }

    @Test
    void composiosErrorBodyBecomesATypedError() {
        composio.stubFor(get(urlPathEqualTo("/api/v3.1/triggers_types/NOPE")).willReturn(aResponse().withStatus(404)
                .withHeader("content-type", "application/json").withBody(ERROR_BODY)));

        assertThatThrownBy(() -> client.call(api -> api.getTriggerType("NOPE", null)))
                .isExactlyInstanceOf(ComposioApiError.class)
                .satisfies(e -> {
                    var error = (ComposioApiError) e;
                    assertThat(error.status()).isEqualTo(404);
                    assertThat(error.code()).isEqualTo(404);
                    assertThat(error.slug()).isEqualTo("TriggerType_NotFound");
                    assertThat(error.composioMessage()).isEqualTo("Trigger type not found");
                    assertThat(error.requestId()).isEqualTo("req_123");
                    assertThat(error.suggestedFix()).isEqualTo("Check the slug");
                    assertThat(error.errors()).containsExactly("slug: unknown");
                    assertThat(error.getMessage()).contains("req_123").contains("Check the slug");
                });
        composio.verify(1, getRequestedFor(urlPathEqualTo("/api/v3.1/triggers_types/NOPE")));
    }

    @Test
    void anErrorBodyOfAnotherShapeIsReadLeniently() {
        composio.stubFor(get(urlPathEqualTo("/api/v3.1/triggers_types/X")).willReturn(aResponse().withStatus(422).withBody("<html>nope</html>")));
        assertThatThrownBy(() -> client.call(api -> api.getTriggerType("X", null)))
                .isExactlyInstanceOf(ComposioApiError.class)
                .hasMessageContaining("HTTP 422");
        composio.stubFor(get(urlPathEqualTo("/api/v3.1/triggers_types/Y")).willReturn(aResponse().withStatus(400)
                .withHeader("content-type", "application/json").withBody("{\"error\":{\"message\":\"bad\"}}")));
        assertThatThrownBy(() -> client.call(api -> api.getTriggerType("Y", null)))
                .hasMessageContaining("bad");
    }

    @Test
    void aBadApiKeyFailsAtOnceWithoutShowingTheKey() {
        composio.stubFor(get(urlPathEqualTo("/api/v3.1/triggers_types/X")).willReturn(aResponse().withStatus(401)
                .withHeader("content-type", "application/json")
                .withBody("{\"error\":{\"message\":\"Invalid API key\",\"code\":401,\"slug\":\"Auth_InvalidApiKey\",\"status\":401}}")));

        assertThatThrownBy(() -> client.call(api -> api.getTriggerType("X", null)))
                .isInstanceOf(ComposioAuthenticationFailed.class)
                .hasMessageContaining("COMPOSIO_API_KEY")
                .hasMessageNotContaining("test-api-key-never-logged");
        composio.verify(1, getRequestedFor(urlPathEqualTo("/api/v3.1/triggers_types/X")));
    }

    @Test
    void anErrorTextQuotingTheApiKeyNeverCarriesItFurther() {
        composio.stubFor(get(urlPathEqualTo("/api/v3.1/triggers_types/X")).willReturn(aResponse().withStatus(400)
                .withHeader("content-type", "application/json")
                .withBody("{\"error\":{\"message\":\"bad header x-api-key=test-api-key-never-logged\",\"status\":400,"
                        + "\"suggested_fix\":\"replace test-api-key-never-logged\",\"errors\":[\"test-api-key-never-logged\"]}}")));

        assertThatThrownBy(() -> client.call(api -> api.getTriggerType("X", null)))
                .isExactlyInstanceOf(ComposioApiError.class)
                .hasMessageContaining("x-api-key=[redacted]")
                .hasMessageNotContaining("test-api-key-never-logged")
                .satisfies(e -> assertThat(((ComposioApiError) e).errors()).containsExactly("[redacted]"));
    }

    @Test
    void tooManyRequestsIsRetriedHonouringRetryAfter() {
        String path = "/api/v3.1/triggers_types/GITHUB_COMMIT_EVENT";
        composio.stubFor(get(urlPathEqualTo(path)).inScenario("rate").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("second"));
        composio.stubFor(get(urlPathEqualTo(path)).inScenario("rate").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("third"));
        composio.stubFor(get(urlPathEqualTo(path)).inScenario("rate").whenScenarioStateIs("third")
                .willReturn(okJson(TRIGGER_TYPE)));

        long start = System.nanoTime();
        TriggerType type = client.call(api -> api.getTriggerType("GITHUB_COMMIT_EVENT", null));

        assertThat(type.slug()).isEqualTo("GITHUB_COMMIT_EVENT");
        composio.verify(3, getRequestedFor(urlPathEqualTo(path)));
        assertThat((System.nanoTime() - start) / 1_000_000).as("waited for Retry-After: 1").isGreaterThanOrEqualTo(1000);
    }

    @Test
    void persistentServerErrorsEndAsUnavailableAfterBoundedRetries() {
        composio.stubFor(get(urlPathEqualTo("/api/v3.1/triggers_types/X")).willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> client.call(api -> api.getTriggerType("X", null)))
                .isInstanceOf(ComposioUnavailable.class)
                .hasMessageContaining("502")
                .hasMessageContaining("Try again later");
        composio.verify(4, getRequestedFor(urlPathEqualTo("/api/v3.1/triggers_types/X")));
    }

    @Test
    void otherClientErrorsAreNotRetried() {
        composio.stubFor(get(urlPathEqualTo("/api/v3.1/triggers_types/X")).willReturn(aResponse().withStatus(400)));
        assertThatThrownBy(() -> client.call(api -> api.getTriggerType("X", null))).isExactlyInstanceOf(ComposioApiError.class);
        composio.verify(1, getRequestedFor(urlPathEqualTo("/api/v3.1/triggers_types/X")));
    }
}
