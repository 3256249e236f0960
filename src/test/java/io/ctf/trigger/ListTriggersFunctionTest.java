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

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.ctf.trigger.FunctionCalls.failure;
import static io.ctf.trigger.FunctionCalls.invoke;
import static io.ctf.trigger.FunctionCalls.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** listTriggers: GET /trigger_instances/active, page after page, bounded (3 pages in this profile). */
@QuarkusTest
@TestProfile(ListTriggersFunctionTest.ListTriggers.class)
@QuarkusTestResource(WireMockComposio.class)
class ListTriggersFunctionTest {

    public static class ListTriggers extends FunctionCalls.Export {
        public ListTriggers() {
            super("listTriggers", "composio.triggers.max-pages", "3");
        }
    }

    static final String ACTIVE = "/api/v3.1/trigger_instances/active";

    @InjectWireMock
    WireMockServer composio;

    @BeforeEach
    void freshComposio() {
        composio.resetAll();
    }

    @Test
    void aUsersTriggersAreListedAcrossPagesWithEveryFilter() {
        composio.stubFor(get(urlPathEqualTo(ACTIVE)).withQueryParam("cursor", absent())
                .willReturn(okJson(resource("triggers/trigger-instances-page-1.json"))));
        composio.stubFor(get(urlPathEqualTo(ACTIVE)).withQueryParam("cursor", equalTo("cursor-page-2"))
                .willReturn(okJson(resource("triggers/trigger-instances-page-2.json"))));

        invoke("""
                {"user_id":"user-1","connected_account_ids":["ca_GitHubNew"],"trigger_ids":["ti_Commit1","ti_Star2"],
                 "slugs":["GITHUB_COMMIT_EVENT","GITHUB_STAR_ADDED_EVENT"],"include_disabled":true}""").statusCode(200)
                .body("count", is(2))
                .body("next_cursor", nullValue())
                .body("triggers.trigger_id", contains("ti_Commit1", "ti_Star2"))
                .body("triggers.slug", contains("GITHUB_COMMIT_EVENT", "GITHUB_STAR_ADDED_EVENT"))
                .body("triggers.status", contains("enabled", "disabled"))
                .body("triggers[0].user_id", is("user-1"))
                .body("triggers[0].connected_account_id", is("ca_GitHubNew"))
                .body("triggers[0].trigger_config.repo", is("api"))
                .body("triggers[1].disabled_at", is("2026-11-22T08:00:00.000Z"));

        composio.verify(2, getRequestedFor(urlPathEqualTo(ACTIVE))
                .withQueryParam("user_ids", equalTo("user-1"))
                .withQueryParam("connected_account_ids", equalTo("ca_GitHubNew"))
                .withQueryParam("trigger_ids", equalTo("ti_Commit1,ti_Star2"))
                .withQueryParam("trigger_names", equalTo("GITHUB_COMMIT_EVENT,GITHUB_STAR_ADDED_EVENT"))
                .withQueryParam("show_disabled", equalTo("true"))
                .withQueryParam("limit", equalTo("50")));
    }

    @Test
    void withoutFiltersOnlyEnabledTriggersAreAskedFor() {
        composio.stubFor(get(urlPathEqualTo(ACTIVE)).willReturn(okJson(resource("triggers/trigger-instances-page-2.json"))));

        invoke("{}").statusCode(200).body("count", is(1));

        composio.verify(getRequestedFor(urlPathEqualTo(ACTIVE))
                .withQueryParam("user_ids", absent())
                .withQueryParam("show_disabled", absent()));
    }

    @Test
    void aLongListingStopsAfterTheBoundAndSaysWhereToGoOn() {
        // Composio always has one more page here.
        composio.stubFor(get(urlPathEqualTo(ACTIVE)).willReturn(okJson(resource("triggers/trigger-instances-page-1.json"))));

        invoke("{\"user_ids\":\"user-1\"}").statusCode(200)
                .body("count", is(3))
                .body("next_cursor", is("cursor-page-2"));
        composio.verify(3, getRequestedFor(urlPathEqualTo(ACTIVE)));
    }

    @Test
    void aCursorContinuesAListing() {
        composio.stubFor(get(urlPathEqualTo(ACTIVE)).withQueryParam("cursor", equalTo("cursor-page-2"))
                .willReturn(okJson(resource("triggers/trigger-instances-page-2.json"))));

        invoke("{\"user_id\":\"user-1\",\"cursor\":\"cursor-page-2\"}").statusCode(200)
                .body("triggers.trigger_id", contains("ti_Star2"));
        composio.verify(1, getRequestedFor(urlPathEqualTo(ACTIVE)));
    }

    @Test
    void badFiltersAreRefusedBeforeAnyCall() {
        assertThat(failure(invoke("{\"user_ids\":[\"user-1\",\"\"]}"), InvalidInput.class)).isEqualTo("'user_ids[1]' is empty");
        assertThat(failure(invoke("{\"user_id\":\" \"}"), InvalidInput.class)).isEqualTo("'user_id' is required");
        assertThat(failure(invoke("{\"user_id\":\"a,b\",\"user_ids\":[\"c\"]}"), InvalidInput.class))
                .isEqualTo("'user_id' must not contain ','");
        assertThat(failure(invoke("{\"user_id\":\"a\",\"user_ids\":[\"c\",\"\"]}"), InvalidInput.class))
                .isEqualTo("'user_ids[1]' is empty");
        assertThat(failure(invoke("{\"trigger_ids\":[\"ti_1,ti_2\"]}"), InvalidInput.class))
                .isEqualTo("'trigger_ids[0]' must not contain ','");
        assertThat(failure(invoke("{\"slugs\":[\"GITHUB COMMIT\"]}"), InvalidInput.class)).contains("'slugs[0]' must be a trigger type slug");
        assertThat(failure(invoke("{\"include_disabled\":{\"yes\":true}}"), InvalidInput.class))
                .startsWith("'include_disabled' has the wrong type");
        assertThat(failure(invoke("{\"user_ids\":[[\"user-1\"]]}"), InvalidInput.class)).startsWith("'user_ids[0]' has the wrong type");
        composio.verify(0, anyRequestedFor(anyUrl()));
    }
}
