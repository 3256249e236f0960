package io.ctf.endpoint;

import io.ctf.lambda.LogCapture;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.ctf.composio.ComposioApiError;
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

import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.ctf.endpoint.ComposioEndpoints.APP_TOKEN;
import static io.ctf.endpoint.ComposioEndpoints.ENDPOINT;
import static io.ctf.endpoint.ComposioEndpoints.ENDPOINTS;
import static io.ctf.endpoint.ComposioEndpoints.ID;
import static io.ctf.endpoint.ComposioEndpoints.SCHEMA;
import static io.ctf.endpoint.ComposioEndpoints.SIGNING_SECRET;
import static io.ctf.endpoint.ComposioEndpoints.SLACK_SCHEMA;
import static io.ctf.endpoint.ComposioEndpoints.VERIFIED_AT;
import static io.ctf.endpoint.ComposioEndpoints.WEBHOOK_URL;
import static io.ctf.endpoint.ComposioEndpoints.endpoint;
import static io.ctf.endpoint.ComposioEndpoints.error;
import static io.ctf.endpoint.ComposioEndpoints.masked;
import static io.ctf.endpoint.ComposioEndpoints.ok;
import static io.ctf.endpoint.Invocations.errorBody;
import static io.ctf.endpoint.Invocations.failsWith;
import static io.ctf.endpoint.Invocations.succeeds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** rotateEndpointSecret: a merge (PATCH) of one or more fields that keeps the others. */
@QuarkusTest
@TestProfile(RotateEndpointSecretTest.Export.class)
@QuarkusTestResource(WireMockComposio.class)
class RotateEndpointSecretTest {

    public static class Export extends FunctionProfile {
        public Export() {
            super("rotateEndpointSecret");
        }
    }

    static final String NEW_SECRET = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    @InjectWireMock
    WireMockServer composio;

    LogCapture log;

    @BeforeEach
    void aVerifiedSlackEndpoint() {
        composio.resetAll();
        composio.stubFor(get(urlPathEqualTo(ENDPOINT)).willReturn(ok(endpoint(masked("webhook_signing_secret", "app_token"), VERIFIED_AT))));
        composio.stubFor(get(urlPathEqualTo(SCHEMA)).willReturn(ok(SLACK_SCHEMA)));
        composio.stubFor(patch(urlPathEqualTo(ENDPOINT)).willReturn(ok(endpoint(masked("webhook_signing_secret", "app_token"), VERIFIED_AT))));
        log = new LogCapture().install();
    }

    @AfterEach
    void stopCapturing() {
        log.uninstall();
    }

    @Test
    void oneFieldIsReplacedAndTheOthersAreKept() {
        String output = succeeds("""
                {"id":"%s","field":"webhook_signing_secret","value":"%s"}""".formatted(ID, NEW_SECRET))
                .body("id", equalTo(ID))
                .body("toolkit_slug", equalTo("slack"))
                .body("webhook_url", equalTo(WEBHOOK_URL))
                .body("rotated_fields", contains("webhook_signing_secret"))
                .body("stored_fields", contains("app_token", "webhook_signing_secret"))
                .body("verified", equalTo(true))
                .body("verified_at", equalTo(VERIFIED_AT))
                .extract().asString();

        assertThat(ComposioEndpoints.calls(composio)).containsExactly("GET " + ENDPOINT, "GET " + SCHEMA, "PATCH " + ENDPOINT);
        composio.verify(patchRequestedFor(urlPathEqualTo(ENDPOINT))
                .withRequestBody(equalToJson("{\"data\":{\"webhook_signing_secret\":\"" + NEW_SECRET + "\"}}")));
        assertThat(output).doesNotContain(NEW_SECRET);
        assertThat(log.all()).contains("rotated [webhook_signing_secret]").doesNotContain(NEW_SECRET);
    }

    @Test
    void severalFieldsAreReplacedInOnePatch() {
        succeeds("""
                {"id":"%s","data":{"webhook_signing_secret":"%s","app_token":"%s"}}""".formatted(ID, SIGNING_SECRET, APP_TOKEN))
                .body("rotated_fields", contains("app_token", "webhook_signing_secret"));

        composio.verify(1, patchRequestedFor(urlPathEqualTo(ENDPOINT)).withRequestBody(equalToJson(
                "{\"data\":{\"webhook_signing_secret\":\"" + SIGNING_SECRET + "\",\"app_token\":\"" + APP_TOKEN + "\"}}")));
        assertThat(log.all()).doesNotContain(SIGNING_SECRET).doesNotContain(APP_TOKEN);
    }

    @Test
    void aFieldTheToolkitDoesNotTakeIsRefusedWithoutWriting() {
        assertThat(failsWith(UnknownSetupField.class, """
                {"id":"%s","field":"signing_secret","value":"%s"}""".formatted(ID, NEW_SECRET)))
                .contains("signing_secret")
                .contains("It takes: webhook_signing_secret (Signing Secret, required), app_token (App-Level Token, required)")
                .doesNotContain(NEW_SECRET);
        composio.verify(0, patchRequestedFor(urlPathEqualTo(ENDPOINT)));
    }

    @Test
    void anUnknownEndpointIsEndpointNotFoundWithoutWriting() {
        composio.stubFor(get(urlPathEqualTo(ENDPOINTS + "/we_gone")).willReturn(
                error(404, "WebhookEndpoint_NotFound", "Webhook endpoint not found", "req_404")));

        assertThat(failsWith(EndpointNotFound.class, """
                {"id":"we_gone","field":"webhook_signing_secret","value":"%s"}""".formatted(NEW_SECRET)))
                .contains("we_gone").contains("req_404");
        assertThat(ComposioEndpoints.calls(composio)).containsExactly("GET " + ENDPOINTS + "/we_gone");
    }

    @Test
    void aComposioErrorQuotingTheNewValueIsRedacted() {
        composio.stubFor(patch(urlPathEqualTo(ENDPOINT)).willReturn(error(400, "WebhookEndpoint_InvalidData",
                "webhook_signing_secret '" + NEW_SECRET + "' has the wrong length", "req_len")));

        String answer = errorBody("""
                {"id":"%s","field":"webhook_signing_secret","value":"%s"}""".formatted(ID, NEW_SECRET));

        assertThat(answer).contains(ComposioApiError.class.getName()).contains("'[redacted]' has the wrong length")
                .doesNotContain(NEW_SECRET);
        assertThat(log.all()).contains("has the wrong length").doesNotContain(NEW_SECRET);
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                arguments("{\"field\":\"app_token\",\"value\":\"x\"}", "'id' is required"),
                arguments("{\"id\":\"we_abc123\"}", "'field' and 'value' are required"),
                arguments("{\"id\":\"we_abc123\",\"field\":\"app_token\"}", "'value' is required with 'field'"),
                arguments("{\"id\":\"we_abc123\",\"value\":\"x\"}", "'field' is required"),
                arguments("{\"id\":\"we_abc123\",\"field\":\"app_token\",\"value\":\" \"}", "'value' is empty"),
                arguments("{\"id\":\"we_abc123\",\"field\":\"app_token\",\"value\":\"x\",\"data\":{\"app_token\":\"y\"}}",
                        "either 'field' and 'value', or 'data', not both"),
                arguments("{\"id\":\"we_abc123\",\"data\":{}}", "'field' and 'value' are required"));
    }

    @ParameterizedTest
    @MethodSource("invalidInputs")
    void invalidInputIsRefusedNamingTheFieldWithoutCallingComposio(String input, String expected) {
        assertThat(failsWith(InvalidInput.class, input)).contains(expected);
        assertThat(ComposioEndpoints.calls(composio)).isEmpty();
    }
}
