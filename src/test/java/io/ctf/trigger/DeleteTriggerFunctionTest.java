package io.ctf.trigger;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ctf.composio.InjectWireMock;
import io.ctf.composio.WireMockComposio;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.ctf.trigger.FunctionCalls.error;
import static io.ctf.trigger.FunctionCalls.failure;
import static io.ctf.trigger.FunctionCalls.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/** deleteTrigger: DELETE /trigger_instances/manage/{id}. */
@QuarkusTest
@TestProfile(DeleteTriggerFunctionTest.DeleteTrigger.class)
@QuarkusTestResource(WireMockComposio.class)
class DeleteTriggerFunctionTest {

    public static class DeleteTrigger extends FunctionCalls.Export {
        public DeleteTrigger() {
            super("deleteTrigger");
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
    void aTriggerIsDeleted() {
        composio.stubFor(delete(urlPathEqualTo(MANAGE)).willReturn(okJson("{\"trigger_id\":\"ti_Commit1\"}")));

        invoke(INPUT).statusCode(200)
                .body("trigger_id", is("ti_Commit1"))
                .body("status", is("deleted"))
                .body("changed", is(true))
                .body("message", is("trigger ti_Commit1 deleted"));
        composio.verify(1, deleteRequestedFor(urlPathEqualTo(MANAGE)));
    }

    @ParameterizedTest
    @ValueSource(ints = {409, 410})
    void anAlreadyDeletedTriggerIsAnAnswerNotAnError(int status) {
        composio.stubFor(delete(urlPathEqualTo(MANAGE)).willReturn(aResponse().withStatus(status)
                .withHeader("content-type", "application/json")
                .withBody(error(status, "TriggerInstance_Deleted", "Trigger instance already deleted", "req_" + status))));

        invoke(INPUT).statusCode(200)
                .body("status", is("deleted"))
                .body("changed", is(false))
                .body("message", is("trigger ti_Commit1 was already deleted"));
        composio.verify(1, deleteRequestedFor(urlPathEqualTo(MANAGE)));
    }

    @Test
    void anUnknownTriggerIsTriggerNotFound() {
        composio.stubFor(delete(urlPathEqualTo(MANAGE)).willReturn(aResponse().withStatus(404)
                .withHeader("content-type", "application/json")
                .withBody(error(404, "TriggerInstance_NotFound", "Trigger instance not found", "req_404"))));

        assertThat(failure(invoke(INPUT), TriggerNotFound.class)).contains("'ti_Commit1'").contains("req_404");
    }
}
