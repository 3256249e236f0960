package io.ctf.trigger;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ctf.composio.InjectWireMock;
import io.ctf.composio.WireMockComposio;
import io.ctf.lambda.InvalidInput;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.ctf.trigger.FunctionCalls.API_KEY;
import static io.ctf.trigger.FunctionCalls.error;
import static io.ctf.trigger.FunctionCalls.failure;
import static io.ctf.trigger.FunctionCalls.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/** enableTrigger: PATCH /trigger_instances/manage/{id} {"status":"enable"}. */
@QuarkusTest
@TestProfile(EnableTriggerFunctionTest.EnableTrigger.class)
@QuarkusTestResource(WireMockComposio.class)
class EnableTriggerFunctionTest {

    public static class EnableTrigger extends FunctionCalls.Export {
        public EnableTrigger() {
            super("enableTrigger");
        }
    }

    static final String MANAGE = "/api/v3.1/trigger_instances/manage/ti_Commit1";

    @InjectWireMock
    WireMockServer composio;

    @BeforeEach
    void freshComposio() {
        composio.resetAll();
    }

    @Test
    void aDisabledTriggerIsEnabled() {
        composio.stubFor(patch(urlPathEqualTo(MANAGE)).willReturn(okJson("{\"status\":\"success\"}")));

        invoke("{\"trigger_id\":\"ti_Commit1\"}").statusCode(200)
                .body("trigger_id", is("ti_Commit1"))
                .body("status", is("enabled"))
                .body("changed", is(true))
                .body("message", is("trigger ti_Commit1 enabled"));
        composio.verify(1, patchRequestedFor(urlPathEqualTo(MANAGE))
                .withHeader("x-api-key", equalTo(API_KEY))
                .withRequestBody(equalToJson("{\"status\":\"enable\"}")));
    }

    @Test
    void anAlreadyEnabledTriggerIsAnAnswerNotAnError() {
        composio.stubFor(patch(urlPathEqualTo(MANAGE)).willReturn(aResponse().withStatus(409)
                .withHeader("content-type", "application/json")
                .withBody(error(409, "TriggerInstance_AlreadyEnabled", "Trigger instance already enabled", "req_409"))));

        invoke("{\"trigger_id\":\"ti_Commit1\"}").statusCode(200)
                .body("status", is("enabled"))
                .body("changed", is(false))
                .body("message", is("trigger ti_Commit1 was already enabled"));
        composio.verify(1, patchRequestedFor(urlPathEqualTo(MANAGE)));
    }

    @Test
    void aDeletedTriggerCannotBeEnabled() {
        composio.stubFor(patch(urlPathEqualTo(MANAGE)).willReturn(aResponse().withStatus(410)
                .withHeader("content-type", "application/json")
                .withBody(error(410, "TriggerInstance_Gone", "Trigger instance already gone", "req_410"))));

        assertThat(failure(invoke("{\"trigger_id\":\"ti_Commit1\"}"), TriggerNotFound.class))
                .contains("'ti_Commit1' was deleted").contains("createTrigger").contains("req_410");
    }

    @Test
    void anUnknownTriggerIsTriggerNotFound() {
        composio.stubFor(patch(urlPathEqualTo("/api/v3.1/trigger_instances/manage/ti_Nope")).willReturn(aResponse().withStatus(404)
                .withHeader("content-type", "application/json")
                .withBody(error(404, "TriggerInstance_NotFound", "Trigger instance not found", "req_404"))));

        assertThat(failure(invoke("{\"trigger_id\":\"ti_Nope\"}"), TriggerNotFound.class))
                .startsWith("no trigger 'ti_Nope' in this Composio project").contains("listTriggers").contains("req_404");
    }

    @Test
    void aMissingOrMalformedTriggerIdIsRefusedBeforeAnyCall() {
        assertThat(failure(invoke("{}"), InvalidInput.class)).isEqualTo("'trigger_id' is required");
        assertThat(failure(invoke("{\"trigger_id\":\"ti_1/../x\"}"), InvalidInput.class)).contains("'trigger_id' must be a trigger id");
        assertThat(failure(invoke("{\"trigger_id\":{\"id\":\"ti_1\"}}"), InvalidInput.class)).contains("'trigger_id' has the wrong type");
        composio.verify(0, anyRequestedFor(anyUrl()));
    }
}
