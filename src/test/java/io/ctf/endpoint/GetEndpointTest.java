package io.ctf.endpoint;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ctf.composio.InjectWireMock;
import io.ctf.composio.WireMockComposio;
import io.ctf.lambda.InvalidInput;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.ctf.endpoint.ComposioEndpoints.CLIENT_ID;
import static io.ctf.endpoint.ComposioEndpoints.ENDPOINT;
import static io.ctf.endpoint.ComposioEndpoints.ENDPOINTS;
import static io.ctf.endpoint.ComposioEndpoints.ID;
import static io.ctf.endpoint.ComposioEndpoints.MASKED;
import static io.ctf.endpoint.ComposioEndpoints.VERIFIED_AT;
import static io.ctf.endpoint.ComposioEndpoints.WEBHOOK_URL;
import static io.ctf.endpoint.ComposioEndpoints.answer;
import static io.ctf.endpoint.ComposioEndpoints.endpoint;
import static io.ctf.endpoint.ComposioEndpoints.error;
import static io.ctf.endpoint.ComposioEndpoints.masked;
import static io.ctf.endpoint.ComposioEndpoints.ok;
import static io.ctf.endpoint.Invocations.failsWith;
import static io.ctf.endpoint.Invocations.succeeds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** getEndpoint: one endpoint's URL, verification state and stored field names, in one Composio call. */
@QuarkusTest
@TestProfile(GetEndpointTest.Export.class)
@QuarkusTestResource(WireMockComposio.class)
class GetEndpointTest {

    public static class Export extends FunctionProfile {
        public Export() {
            super("getEndpoint");
        }
    }

    @InjectWireMock
    WireMockServer composio;

    @BeforeEach
    void freshComposio() {
        composio.resetAll();
    }

    @Test
    void aVerifiedEndpointShowsItsUrlAndTheNamesOfItsStoredFields() {
        composio.stubFor(get(urlPathEqualTo(ENDPOINT)).willReturn(ok(endpoint(masked("webhook_signing_secret", "app_token"), VERIFIED_AT))));

        String output = succeeds("{\"id\":\"" + ID + "\"}")
                .body("id", equalTo(ID))
                .body("toolkit_slug", equalTo("slack"))
                .body("client_id", equalTo(CLIENT_ID))
                .body("webhook_url", equalTo(WEBHOOK_URL))
                .body("created_at", equalTo("2026-04-24T10:00:00.000Z"))
                .body("verified", equalTo(true))
                .body("verified_at", equalTo(VERIFIED_AT))
                .body("stored_fields", contains("app_token", "webhook_signing_secret"))
                .extract().asString();

        assertThat(output).as("not even masked values are shown").doesNotContain(MASKED);
        assertThat(ComposioEndpoints.calls(composio)).containsExactly("GET " + ENDPOINT);
    }

    @Test
    void aNewEndpointIsNotVerifiedAndHasNoFields() {
        composio.stubFor(get(urlPathEqualTo(ENDPOINT)).willReturn(ok(endpoint("null", null))));

        succeeds("{\"id\":\"" + ID + "\"}")
                .body("verified", equalTo(false))
                .body("verified_at", nullValue())
                .body("stored_fields", empty());
    }

    @Test
    void anUnknownIdIsEndpointNotFoundWithComposiosRequestId() {
        composio.stubFor(get(urlPathEqualTo(ENDPOINTS + "/we_gone")).willReturn(
                error(404, "WebhookEndpoint_NotFound", "Webhook endpoint not found", "req_404")));

        assertThat(failsWith(EndpointNotFound.class, "{\"id\":\"we_gone\"}"))
                .contains("No webhook endpoint 'we_gone'")
                .contains("listEndpoints")
                .contains("[Composio request id req_404]");
        composio.verify(1, getRequestedFor(urlPathEqualTo(ENDPOINTS + "/we_gone")));
    }

    @Test
    void aServerErrorIsRetried() {
        composio.stubFor(get(urlPathEqualTo(ENDPOINT)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(answer(500, "{\"error\":{\"message\":\"oops\",\"code\":500,\"slug\":\"Internal\",\"status\":500}}"))
                .willSetStateTo("up"));
        composio.stubFor(get(urlPathEqualTo(ENDPOINT)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(ok(endpoint("null", null))));

        succeeds("{\"id\":\"" + ID + "\"}").body("id", equalTo(ID));
        composio.verify(2, getRequestedFor(urlPathEqualTo(ENDPOINT)));
    }

    @Test
    void anIdIsRequired() {
        assertThat(failsWith(InvalidInput.class, "{}")).isEqualTo("'id' is required");
        assertThat(failsWith(InvalidInput.class, "")).isEqualTo("'id' is required");
        assertThat(ComposioEndpoints.calls(composio)).isEmpty();
    }
}
