package io.ctf.endpoint;

import io.ctf.lambda.LogCapture;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.ctf.composio.ComposioApiError;
import io.ctf.composio.ComposioAuthenticationFailed;
import io.ctf.composio.ComposioUnavailable;
import io.ctf.composio.InjectWireMock;
import io.ctf.composio.WireMockComposio;
import io.ctf.lambda.InvalidInput;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.ctf.endpoint.ComposioEndpoints.APP_TOKEN;
import static io.ctf.endpoint.ComposioEndpoints.CLIENT_ID;
import static io.ctf.endpoint.ComposioEndpoints.ENDPOINT;
import static io.ctf.endpoint.ComposioEndpoints.ENDPOINTS;
import static io.ctf.endpoint.ComposioEndpoints.GITHUB_SCHEMA_MANAGED;
import static io.ctf.endpoint.ComposioEndpoints.ID;
import static io.ctf.endpoint.ComposioEndpoints.SCHEMA;
import static io.ctf.endpoint.ComposioEndpoints.SIGNING_SECRET;
import static io.ctf.endpoint.ComposioEndpoints.SLACK_SCHEMA;
import static io.ctf.endpoint.ComposioEndpoints.VERIFIED_AT;
import static io.ctf.endpoint.ComposioEndpoints.WEBHOOK_URL;
import static io.ctf.endpoint.ComposioEndpoints.answer;
import static io.ctf.endpoint.ComposioEndpoints.endpoint;
import static io.ctf.endpoint.ComposioEndpoints.error;
import static io.ctf.endpoint.ComposioEndpoints.masked;
import static io.ctf.endpoint.ComposioEndpoints.ok;
import static io.ctf.endpoint.Invocations.errorBody;
import static io.ctf.endpoint.Invocations.failsWith;
import static io.ctf.endpoint.Invocations.succeeds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** provisionEndpoint against a WireMock Composio, invoked as its Lambda would be. */
@QuarkusTest
@TestProfile(ProvisionEndpointFunctionTest.Export.class)
@QuarkusTestResource(WireMockComposio.class)
class ProvisionEndpointFunctionTest {

    public static class Export extends FunctionProfile {
        public Export() {
            super("provisionEndpoint");
        }
    }

    static final String BOTH_FIELDS = """
            {"toolkit_slug":"slack","client_id":"%s","data":{"webhook_signing_secret":"%s","app_token":"%s"}}"""
            .formatted(CLIENT_ID, SIGNING_SECRET, APP_TOKEN);

    @InjectWireMock
    WireMockServer composio;

    LogCapture log;

    @BeforeEach
    void freshComposio() {
        composio.resetAll();
        composio.stubFor(get(urlPathEqualTo(SCHEMA)).withQueryParam("toolkit_slug", WireMock.equalTo("slack")).willReturn(ok(SLACK_SCHEMA)));
        log = new LogCapture().install();
    }

    @AfterEach
    void stopCapturing() {
        log.uninstall();
    }

    @Test
    void aFirstProvisionCreatesTheEndpointStoresBothFieldsInOnePatchAndReadsItBack() {
        composio.stubFor(post(urlPathEqualTo(ENDPOINTS)).willReturn(answer(201, endpoint("null", null))));
        composio.stubFor(patch(urlPathEqualTo(ENDPOINT)).willReturn(ok(endpoint(masked("webhook_signing_secret", "app_token"), null))));
        composio.stubFor(get(urlPathEqualTo(ENDPOINT)).willReturn(ok(endpoint(masked("webhook_signing_secret", "app_token"), null))));

        succeeds(BOTH_FIELDS)
                .body("id", equalTo(ID))
                .body("toolkit_slug", equalTo("slack"))
                .body("client_id", equalTo(CLIENT_ID))
                .body("webhook_url", equalTo(WEBHOOK_URL))
                .body("created", equalTo(true))
                .body("verified", equalTo(false))
                .body("verified_at", nullValue())
                .body("managed_by_composio", equalTo(false))
                .body("stored_fields", contains("app_token", "webhook_signing_secret"))
                .body("missing_fields", empty())
                .body("next_steps", hasItem(containsString("Event Subscriptions → Request URL")))
                .body("next_steps", hasItem(containsString(WEBHOOK_URL)))
                .body("next_steps", hasItem(containsString("see \"verified\": true")));

        assertThat(calls()).containsExactly(
                "GET " + SCHEMA, "POST " + ENDPOINTS, "PATCH " + ENDPOINT, "GET " + ENDPOINT);
        composio.verify(postRequestedFor(urlPathEqualTo(ENDPOINTS))
                .withRequestBody(equalToJson("{\"toolkit_slug\":\"slack\",\"client_id\":\"" + CLIENT_ID + "\"}")));
        composio.verify(patchRequestedFor(urlPathEqualTo(ENDPOINT)).withRequestBody(equalToJson(
                "{\"data\":{\"webhook_signing_secret\":\"" + SIGNING_SECRET + "\",\"app_token\":\"" + APP_TOKEN + "\"}}")));
    }

    @Test
    void aRepeatFindsTheSameEndpointWritesNothingAndShowsItVerified() {
        // Composio answers 200 with the existing endpoint: same id, same URL, fields already stored.
        composio.stubFor(post(urlPathEqualTo(ENDPOINTS)).willReturn(ok(endpoint(masked("webhook_signing_secret", "app_token"), null))));
        composio.stubFor(get(urlPathEqualTo(ENDPOINT)).willReturn(ok(endpoint(masked("webhook_signing_secret", "app_token"), VERIFIED_AT))));

        succeeds("{\"toolkit_slug\":\"slack\",\"client_id\":\"" + CLIENT_ID + "\"}")
                .body("id", equalTo(ID))
                .body("webhook_url", equalTo(WEBHOOK_URL))
                .body("created", equalTo(false))
                .body("verified", equalTo(true))
                .body("verified_at", equalTo(VERIFIED_AT))
                .body("missing_fields", empty())
                .body("next_steps", contains(containsString("Nothing left to do")));

        assertThat(calls()).containsExactly("GET " + SCHEMA, "POST " + ENDPOINTS, "GET " + ENDPOINT);
    }

    @Test
    void aRepeatWithTheSameFieldsStaysWithinFourCallsAndCreatesNothing() {
        composio.stubFor(post(urlPathEqualTo(ENDPOINTS)).willReturn(ok(endpoint(masked("webhook_signing_secret", "app_token"), null))));
        composio.stubFor(patch(urlPathEqualTo(ENDPOINT)).willReturn(ok(endpoint(masked("webhook_signing_secret", "app_token"), null))));
        composio.stubFor(get(urlPathEqualTo(ENDPOINT)).willReturn(ok(endpoint(masked("webhook_signing_secret", "app_token"), null))));

        succeeds(BOTH_FIELDS).body("id", equalTo(ID)).body("webhook_url", equalTo(WEBHOOK_URL)).body("created", equalTo(false));

        assertThat(calls()).hasSize(4);
        composio.verify(1, postRequestedFor(urlPathEqualTo(ENDPOINTS)));
    }

    @Test
    void anUnknownFieldIsRefusedByNameBeforeAnythingIsWritten() {
        String message = failsWith(UnknownSetupField.class, """
                {"toolkit_slug":"slack","client_id":"%s","data":{"signing_secret":"%s","app_token":"%s"}}"""
                .formatted(CLIENT_ID, SIGNING_SECRET, APP_TOKEN));

        assertThat(message)
                .contains("signing_secret for the slack webhook endpoint")
                .contains("webhook_signing_secret (Signing Secret, required), app_token (App-Level Token, required)")
                .doesNotContain(SIGNING_SECRET).doesNotContain(APP_TOKEN);
        assertThat(calls()).containsExactly("GET " + SCHEMA);
    }

    @Test
    void aRequiredFieldNeitherGivenNorStoredIsReportedMissing() {
        composio.stubFor(post(urlPathEqualTo(ENDPOINTS)).willReturn(answer(201, endpoint("null", null))));
        composio.stubFor(patch(urlPathEqualTo(ENDPOINT)).willReturn(ok(endpoint(masked("webhook_signing_secret"), null))));
        composio.stubFor(get(urlPathEqualTo(ENDPOINT)).willReturn(ok(endpoint(masked("webhook_signing_secret"), null))));

        succeeds("""
                {"toolkit_slug":"slack","client_id":"%s","data":{"webhook_signing_secret":"%s"}}""".formatted(CLIENT_ID, SIGNING_SECRET))
                .body("created", equalTo(true))
                .body("stored_fields", contains("webhook_signing_secret"))
                .body("missing_fields", contains("app_token"))
                .body("next_steps[0]", containsString("Store the missing required field app_token (App-Level Token, required)"))
                .body("next_steps[1]", containsString("Once they are stored"));

        composio.verify(patchRequestedFor(urlPathEqualTo(ENDPOINT))
                .withRequestBody(equalToJson("{\"data\":{\"webhook_signing_secret\":\"" + SIGNING_SECRET + "\"}}")));
    }

    @Test
    void aFieldStoredEarlierIsNotMissingWhenTheOtherIsAddedLater() {
        composio.stubFor(post(urlPathEqualTo(ENDPOINTS)).willReturn(ok(endpoint(masked("webhook_signing_secret"), null))));
        composio.stubFor(patch(urlPathEqualTo(ENDPOINT)).willReturn(ok(endpoint(masked("webhook_signing_secret", "app_token"), null))));
        composio.stubFor(get(urlPathEqualTo(ENDPOINT)).willReturn(ok(endpoint(masked("webhook_signing_secret", "app_token"), null))));

        succeeds("""
                {"toolkit_slug":"slack","client_id":"%s","data":{"app_token":"%s"}}""".formatted(CLIENT_ID, APP_TOKEN))
                .body("missing_fields", empty())
                .body("stored_fields", contains("app_token", "webhook_signing_secret"));

        // A merge: only the new field is sent, the stored one is kept.
        composio.verify(patchRequestedFor(urlPathEqualTo(ENDPOINT)).withRequestBody(equalToJson("{\"data\":{\"app_token\":\"" + APP_TOKEN + "\"}}")));
    }

    @Test
    void replaceStoresEveryFieldWithOnePost() {
        composio.stubFor(post(urlPathEqualTo(ENDPOINTS)).willReturn(ok(endpoint(masked("webhook_signing_secret", "app_token", "old_field"), null))));
        composio.stubFor(post(urlPathEqualTo(ENDPOINT)).willReturn(ok(endpoint(masked("webhook_signing_secret", "app_token"), null))));
        composio.stubFor(get(urlPathEqualTo(ENDPOINT)).willReturn(ok(endpoint(masked("webhook_signing_secret", "app_token"), null))));

        succeeds(BOTH_FIELDS.replace("}}", "},\"replace\":true}"))
                .body("missing_fields", empty())
                .body("stored_fields", contains("app_token", "webhook_signing_secret"));

        assertThat(calls()).containsExactly("GET " + SCHEMA, "POST " + ENDPOINTS, "POST " + ENDPOINT, "GET " + ENDPOINT);
        composio.verify(postRequestedFor(urlPathEqualTo(ENDPOINT)).withRequestBody(equalToJson(
                "{\"data\":{\"webhook_signing_secret\":\"" + SIGNING_SECRET + "\",\"app_token\":\"" + APP_TOKEN + "\"}}")));
        composio.verify(0, patchRequestedFor(urlPathEqualTo(ENDPOINT)));
    }

    @Test
    void replaceWithoutEveryRequiredFieldIsRefusedBeforeAnyWrite() {
        String message = failsWith(InvalidInput.class, """
                {"toolkit_slug":"slack","client_id":"%s","data":{"webhook_signing_secret":"%s"},"replace":true}"""
                .formatted(CLIENT_ID, SIGNING_SECRET));

        assertThat(message).contains("missing: app_token (App-Level Token, required)").doesNotContain(SIGNING_SECRET);
        assertThat(calls()).containsExactly("GET " + SCHEMA);
    }

    @Test
    void aToolkitWhoseEndpointComposioManagesNeedsNothingAndGetsNothingWritten() {
        composio.stubFor(get(urlPathEqualTo(SCHEMA)).withQueryParam("toolkit_slug", WireMock.equalTo("github")).willReturn(ok(GITHUB_SCHEMA_MANAGED)));

        succeeds("{\"toolkit_slug\":\"GitHub\",\"client_id\":\"Iv1.abc\"}")
                .body("managed_by_composio", equalTo(true))
                .body("toolkit_slug", equalTo("github"))
                .body("id", nullValue())
                .body("webhook_url", nullValue())
                .body("created", nullValue())
                .body("missing_fields", empty())
                .body("next_steps", contains(containsString("Composio manages the github webhook endpoint")));

        assertThat(calls()).containsExactly("GET " + SCHEMA);
    }

    @Test
    void aSchemaWithoutSetupFieldsAlsoMeansManagedByComposio() {
        composio.stubFor(get(urlPathEqualTo(SCHEMA)).withQueryParam("toolkit_slug", WireMock.equalTo("github")).willReturn(ok("{\"toolkit_slug\":\"github\"}")));

        succeeds("{\"toolkit_slug\":\"github\",\"client_id\":\"Iv1.abc\",\"data\":{\"secret\":\"s3cr3t-value\"}}")
                .body("managed_by_composio", equalTo(true))
                .body("next_steps", hasSize(2))
                .body("next_steps[1]", containsString("not stored"));
        assertThat(calls()).containsExactly("GET " + SCHEMA);
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                arguments("{}", "'toolkit_slug' is required"),
                arguments("{\"toolkit_slug\":\"slack\"}", "'client_id' is required"),
                arguments("{\"toolkit_slug\":\" \",\"client_id\":\"c\"}", "'toolkit_slug' is required"),
                arguments("{\"toolkit_slug\":\"slack\",\"client_id\":\"c\",\"data\":{\"app_token\":\"\"}}", "'data.app_token' is empty"),
                arguments("{\"toolkit_slug\":\"slack\",\"client_id\":\"c\",\"data\":{\"app_token\":null}}", "'data.app_token' has no value"),
                arguments("{\"toolkit_slug\":\"slack\",\"client_id\":\"c\",\"data\":{\"app_token\":{\"a\":1}}}", "'data.app_token' has the wrong type: expected a string"),
                arguments("{\"toolkit_slug\":\"slack\",\"client_id\":\"c\",\"replace\":true}", "'data' must hold every required field"),
                arguments("{\"toolkit_slug\":\"slack\",\"client_id\":\"c\",\"replace\":\"yes\"}", "'replace' has the wrong type: expected true or false"),
                // Shapes no input record can hold: refused by us, naming the field, not by the JSON binding.
                arguments("{\"toolkit_slug\":\"slack\",\"client_id\":\"c\",\"data\":\"webhook_signing_secret\"}", "'data' has the wrong type"),
                arguments("[\"slack\"]", "the input must be a JSON object"));
    }

    @ParameterizedTest
    @MethodSource("invalidInputs")
    void invalidInputIsRefusedNamingTheFieldWithoutCallingComposio(String input, String expected) {
        assertThat(failsWith(InvalidInput.class, input)).contains(expected);
        assertThat(calls()).isEmpty();
    }

    @Test
    void aTransientComposioFailureIsRetried() {
        composio.stubFor(post(urlPathEqualTo(ENDPOINTS)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(answer(503, "")).willSetStateTo("up"));
        composio.stubFor(post(urlPathEqualTo(ENDPOINTS)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(answer(201, endpoint("null", null))));
        composio.stubFor(get(urlPathEqualTo(ENDPOINT)).willReturn(ok(endpoint("null", null))));

        succeeds("{\"toolkit_slug\":\"slack\",\"client_id\":\"" + CLIENT_ID + "\"}")
                .body("created", equalTo(true))
                .body("missing_fields", contains("webhook_signing_secret", "app_token"));

        composio.verify(2, postRequestedFor(urlPathEqualTo(ENDPOINTS)));
    }

    @Test
    void composioStayingDownEndsAsUnavailableAfterBoundedRetriesWithNothingWritten() {
        composio.stubFor(get(urlPathEqualTo(SCHEMA)).willReturn(answer(502, "")));

        assertThat(failsWith(ComposioUnavailable.class, BOTH_FIELDS)).contains("HTTP 502").contains("Try again later");

        composio.verify(4, getRequestedFor(urlPathEqualTo(SCHEMA)));
        assertThat(calls()).allMatch(call -> call.equals("GET " + SCHEMA));
    }

    @Test
    void composiosRefusalIsReportedWithItsRequestId() {
        composio.stubFor(post(urlPathEqualTo(ENDPOINTS)).willReturn(
                error(400, "WebhookEndpoint_InvalidClientId", "client_id is not a Slack OAuth app of this project", "req_7f3a")));

        assertThat(failsWith(ComposioApiError.class, BOTH_FIELDS))
                .contains("HTTP 400")
                .contains("client_id is not a Slack OAuth app of this project")
                .contains("[Composio request id req_7f3a]");
        composio.verify(1, postRequestedFor(urlPathEqualTo(ENDPOINTS)));
    }

    @Test
    void aRejectedApiKeyIsReportedAsAuthenticationFailed() {
        composio.stubFor(get(urlPathEqualTo(SCHEMA)).willReturn(error(401, "Auth_InvalidApiKey", "Invalid API key", "req_1")));

        assertThat(failsWith(ComposioAuthenticationFailed.class, BOTH_FIELDS))
                .contains("COMPOSIO_API_KEY")
                .doesNotContain("test-api-key-never-logged");
    }

    @Test
    void noSecretReachesTheOutputOrTheLog() {
        composio.stubFor(post(urlPathEqualTo(ENDPOINTS)).willReturn(answer(201, endpoint("null", null))));
        composio.stubFor(patch(urlPathEqualTo(ENDPOINT)).willReturn(ok(endpoint(masked("webhook_signing_secret", "app_token"), null))));
        composio.stubFor(get(urlPathEqualTo(ENDPOINT)).willReturn(ok(endpoint(masked("webhook_signing_secret", "app_token"), null))));

        String output = succeeds(BOTH_FIELDS).extract().asString();

        assertThat(output).doesNotContain(SIGNING_SECRET).doesNotContain(APP_TOKEN).doesNotContain(ComposioEndpoints.MASKED);
        assertThat(log.all())
                .as("the function logged what it did")
                .contains("webhook endpoint " + ID)
                .doesNotContain(SIGNING_SECRET).doesNotContain(APP_TOKEN).doesNotContain("test-api-key-never-logged");
    }

    @Test
    void aComposioErrorQuotingASecretReachesNeitherTheErrorNorTheLog() {
        composio.stubFor(post(urlPathEqualTo(ENDPOINTS)).willReturn(answer(201, endpoint("null", null))));
        composio.stubFor(patch(urlPathEqualTo(ENDPOINT)).willReturn(error(400, "WebhookEndpoint_InvalidData",
                "app_token '" + APP_TOKEN + "' is not an app-level token", "req_9")));

        String answer = errorBody(BOTH_FIELDS);

        assertThat(answer)
                .contains(ComposioApiError.class.getName())
                .contains("app_token '[redacted]' is not an app-level token")
                .contains("req_9")
                .doesNotContain(APP_TOKEN).doesNotContain(SIGNING_SECRET);
        assertThat(log.all())
                .as("the runtime logged the failure")
                .contains("is not an app-level token")
                .doesNotContain(APP_TOKEN).doesNotContain(SIGNING_SECRET);
    }

    /** The Composio calls made, in order: {@code "METHOD /path"}. */
    private List<String> calls() {
        return ComposioEndpoints.calls(composio);
    }
}
