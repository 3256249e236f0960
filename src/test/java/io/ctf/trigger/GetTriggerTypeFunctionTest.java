package io.ctf.trigger;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ctf.composio.ComposioAuthenticationFailed;
import io.ctf.composio.InjectWireMock;
import io.ctf.composio.WireMockComposio;
import io.ctf.lambda.InvalidInput;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.ctf.trigger.FunctionCalls.API_KEY;
import static io.ctf.trigger.FunctionCalls.error;
import static io.ctf.trigger.FunctionCalls.failure;
import static io.ctf.trigger.FunctionCalls.invoke;
import static io.ctf.trigger.FunctionCalls.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** getTriggerType against a WireMock Composio speaking the OpenAPI spec's shapes. */
@QuarkusTest
@TestProfile(GetTriggerTypeFunctionTest.GetTriggerType.class)
@QuarkusTestResource(WireMockComposio.class)
class GetTriggerTypeFunctionTest {

    public static class GetTriggerType extends FunctionCalls.Export {
        public GetTriggerType() {
            super("getTriggerType");
        }
    }

    static final String GITHUB_TYPE = "/api/v3.1/triggers_types/GITHUB_COMMIT_EVENT";
    static final String SLACK_TYPE = "/api/v3.1/triggers_types/SLACK_RECEIVE_MESSAGE";

    @InjectWireMock
    WireMockServer composio;

    @Inject
    TriggerTypes triggerTypes;

    @BeforeEach
    void freshComposio() {
        composio.resetAll();
        triggerTypes.invalidateAll();
    }

    @Test
    void aTypeNeedingAnEndpointShowsItsSchemaFieldByFieldAndTheFlag() {
        composio.stubFor(get(urlPathEqualTo(SLACK_TYPE)).willReturn(okJson(resource("triggers/type-slack-receive-message.json"))));

        invoke("{\"slug\":\"slack_receive_message\",\"toolkit_version\":\"latest\"}").statusCode(200)
                .body("slug", is("SLACK_RECEIVE_MESSAGE"))
                .body("name", is("New Message in Slack Channel"))
                .body("description", is("Triggers when a new message is posted to a Slack channel"))
                .body("instructions", is("Set up a webhook endpoint for your Slack app first."))
                .body("toolkit", is("slack"))
                .body("type", is("webhook"))
                .body("version", is("20250930_00"))
                .body("requires_webhook_endpoint", is(true))
                .body("config.title", is("SlackReceiveMessageConfig"))
                .body("config.additionalProperties", is(false))
                .body("required_config", contains("channel_id"))
                .body("config_fields.name", contains("channel_id", "message_types", "min_interval", "include_bots"))
                .body("config_fields.type", contains("string", "array", "integer", "boolean"))
                .body("config_fields.required", contains(true, false, false, false))
                .body("config_fields[0].description", is("Channel to watch"))
                .body("config_fields[0]", not(hasKey("default")))
                .body("config_fields[2].default", is(5))
                .body("config_fields[2].description", is("Minutes between checks"))
                .body("payload.properties.text.type", is("string"));

        composio.verify(1, getRequestedFor(urlPathEqualTo(SLACK_TYPE))
                .withQueryParam("toolkit_versions", equalTo("latest"))
                .withHeader("x-api-key", equalTo(API_KEY)));
    }

    @Test
    void withoutTheFlagNoEndpointIsNeeded() {
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).willReturn(okJson(resource("triggers/type-github-commit-event.json"))));

        invoke("{\"slug\":\"GITHUB_COMMIT_EVENT\"}").statusCode(200)
                .body("toolkit", is("github"))
                .body("requires_webhook_endpoint", is(false))
                .body("required_config", contains("owner", "repo"))
                .body("config_fields.name", contains("owner", "repo"))
                .body("config_fields.required", contains(true, true));

        composio.verify(getRequestedFor(urlPathEqualTo(GITHUB_TYPE)).withQueryParam("toolkit_versions", absent()));
    }

    @Test
    void aTypeCreateTriggerAlreadyReadIsAnsweredFromItsCache() {
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).willReturn(okJson(resource("triggers/type-github-commit-event.json"))));
        triggerTypes.get("GITHUB_COMMIT_EVENT", null); // what createTrigger does in a warm container
        composio.resetRequests();

        invoke("{\"slug\":\"github_commit_event\"}").statusCode(200).body("slug", is("GITHUB_COMMIT_EVENT"));
        invoke("{\"slug\":\"GITHUB_COMMIT_EVENT\"}").statusCode(200);

        composio.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404})
    void anUnknownSlugIsTriggerTypeNotFoundAsComposioAnswersIt(int status) {
        composio.stubFor(get(urlPathEqualTo("/api/v3.1/triggers_types/GITHUB_NO_SUCH_EVENT")).willReturn(aResponse().withStatus(status)
                .withHeader("content-type", "application/json")
                .withBody(error(status, "BadRequest", "Trigger type GITHUB_NO_SUCH_EVENT not found", "req_unknown"))));

        assertThat(failure(invoke("{\"slug\":\"GITHUB_NO_SUCH_EVENT\"}"), TriggerTypeNotFound.class))
                .startsWith("Composio has no trigger type 'GITHUB_NO_SUCH_EVENT'")
                .contains("Trigger type GITHUB_NO_SUCH_EVENT not found")
                .contains("listTriggerTypes")
                .contains("req_unknown");
        composio.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void tooManyRequestsAndUnavailableAreRetried() {
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).inScenario("type").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("busy"));
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).inScenario("type").whenScenarioStateIs("busy")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).inScenario("type").whenScenarioStateIs("up")
                .willReturn(okJson(resource("triggers/type-github-commit-event.json"))));

        invoke("{\"slug\":\"GITHUB_COMMIT_EVENT\"}").statusCode(200).body("slug", is("GITHUB_COMMIT_EVENT"));
        composio.verify(3, getRequestedFor(urlPathEqualTo(GITHUB_TYPE)));
    }

    @Test
    void aBadApiKeyFailsAtOnceAndTheKeyNeverShows() {
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).willReturn(aResponse().withStatus(401)
                .withHeader("content-type", "application/json")
                .withBody(error(401, "Auth_InvalidApiKey", "Invalid API key", "req_401"))));

        var response = invoke("{\"slug\":\"GITHUB_COMMIT_EVENT\"}");
        assertThat(failure(response, ComposioAuthenticationFailed.class)).contains("COMPOSIO_API_KEY");
        assertThat(response.extract().asString()).doesNotContain(API_KEY);
        composio.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void aBadSlugIsRefusedBeforeAnyCall() {
        assertThat(failure(invoke("{}"), InvalidInput.class)).isEqualTo("'slug' is required");
        assertThat(failure(invoke("{\"slug\":\"GITHUB/../X\"}"), InvalidInput.class)).contains("'slug' must be a trigger type slug");
        assertThat(failure(invoke("{\"slug\":\"GITHUB_COMMIT_EVENT\",\"toolkit_version\":\"\"}"), InvalidInput.class))
                .contains("'toolkit_version' is empty");
        composio.verify(0, anyRequestedFor(anyUrl()));
    }
}
