package io.ctf.trigger;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ctf.composio.ComposioAuthenticationFailed;
import io.ctf.composio.InjectWireMock;
import io.ctf.composio.WireMockComposio;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.ctf.trigger.FunctionCalls.API_KEY;
import static io.ctf.trigger.FunctionCalls.error;
import static io.ctf.trigger.FunctionCalls.failure;
import static io.ctf.trigger.FunctionCalls.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/** disableTrigger: PATCH /trigger_instances/manage/{id} {"status":"disable"}. */
@QuarkusTest
@TestProfile(DisableTriggerFunctionTest.DisableTrigger.class)
@QuarkusTestResource(WireMockComposio.class)
class DisableTriggerFunctionTest {

    public static class DisableTrigger extends FunctionCalls.Export {
        public DisableTrigger() {
            super("disableTrigger");
        }
    }

    static final String MANAGE = "/api/v3.1/trigger_instances/manage/ti_Commit1";
    static final String INPUT = "{\"trigger_id\":\"ti_Commit1\"}";

    @InjectWireMock
    WireMockServer composio;

    @BeforeEach
    void freshComposio() {
        composio.resetAll();
    }

    @Test
    void anEnabledTriggerIsDisabled() {
        composio.stubFor(patch(urlPathEqualTo(MANAGE)).willReturn(okJson("{\"status\":\"success\"}")));

        invoke(INPUT).statusCode(200)
                .body("trigger_id", is("ti_Commit1"))
                .body("status", is("disabled"))
                .body("changed", is(true));
        composio.verify(1, patchRequestedFor(urlPathEqualTo(MANAGE)).withRequestBody(equalToJson("{\"status\":\"disable\"}")));
    }

    @Test
    void anAlreadyDisabledTriggerIsAnAnswerNotAnError() {
        composio.stubFor(patch(urlPathEqualTo(MANAGE)).willReturn(aResponse().withStatus(409)
                .withHeader("content-type", "application/json")
                .withBody(error(409, "TriggerInstance_AlreadyDisabled", "Trigger instance already disabled", "req_409"))));

        invoke(INPUT).statusCode(200)
                .body("status", is("disabled"))
                .body("changed", is(false))
                .body("message", is("trigger ti_Commit1 was already disabled"));
    }

    @Test
    void aDeletedTriggerIsReportedAsDeletedNotAsAnError() {
        composio.stubFor(patch(urlPathEqualTo(MANAGE)).willReturn(aResponse().withStatus(410)
                .withHeader("content-type", "application/json")
                .withBody(error(410, "TriggerInstance_Gone", "Trigger instance already gone", "req_410"))));

        invoke(INPUT).statusCode(200)
                .body("status", is("deleted"))
                .body("changed", is(false))
                .body("message", is("trigger ti_Commit1 was already deleted, so it sends no events"));
    }

    @Test
    void aBusyComposioIsRetried() {
        composio.stubFor(patch(urlPathEqualTo(MANAGE)).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429)).willSetStateTo("free"));
        composio.stubFor(patch(urlPathEqualTo(MANAGE)).inScenario("busy").whenScenarioStateIs("free")
                .willReturn(okJson("{\"status\":\"success\"}")));

        invoke(INPUT).statusCode(200).body("changed", is(true));
        composio.verify(2, patchRequestedFor(urlPathEqualTo(MANAGE)));
    }

    @Test
    void aBadApiKeyIsNamedWithoutTheKey() {
        composio.stubFor(patch(urlPathEqualTo(MANAGE)).willReturn(aResponse().withStatus(403)
                .withHeader("content-type", "application/json")
                .withBody(error(403, "Auth_Forbidden", "Forbidden", "req_403"))));

        var response = invoke(INPUT);
        assertThat(failure(response, ComposioAuthenticationFailed.class)).contains("COMPOSIO_API_KEY");
        assertThat(response.extract().asString()).doesNotContain(API_KEY);
        composio.verify(1, patchRequestedFor(urlPathEqualTo(MANAGE)));
    }
}
