package io.ctf.trigger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.ctf.composio.ComposioApiError;
import io.ctf.lambda.MockLambda;
import io.ctf.composio.ComposioAuthenticationFailed;
import io.ctf.composio.ComposioUnavailable;
import io.ctf.composio.InjectWireMock;
import io.ctf.composio.WireMockComposio;
import io.ctf.lambda.InvalidInput;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

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
import static io.ctf.trigger.FunctionCalls.githubTypes;
import static io.ctf.trigger.FunctionCalls.invoke;
import static io.ctf.trigger.FunctionCalls.resource;
import static io.ctf.trigger.FunctionCalls.typesPage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * listTriggerTypes: GET /triggers_types, page after page, bounded (3 pages in this profile). The
 * GitHub toolkit has 7 trigger types here (A..G in the order Composio lists them).
 */
@QuarkusTest
@TestProfile(ListTriggerTypesFunctionTest.ListTriggerTypes.class)
@QuarkusTestResource(WireMockComposio.class)
class ListTriggerTypesFunctionTest {

    public static class ListTriggerTypes extends FunctionCalls.Export {
        public ListTriggerTypes() {
            super("listTriggerTypes", "composio.triggers.max-pages", "3");
        }
    }

    static final String TYPES = "/api/v3.1/triggers_types";
    static final List<String> GITHUB = githubTypes();
    static final List<String> GITHUB_SLUGS = List.of("GITHUB_COMMIT_EVENT", "GITHUB_STAR_ADDED_EVENT",
            "GITHUB_PULL_REQUEST_EVENT", "GITHUB_ISSUE_ADDED_EVENT", "GITHUB_LABEL_ADDED_EVENT", "GITHUB_FOLLOWER_EVENT",
            "GITHUB_PUSH_EVENT");

    @InjectWireMock
    WireMockServer composio;

    @BeforeEach
    void freshComposio() {
        composio.resetAll();
    }

    @Test
    void oneCallReadsPageAfterPageUntilComposioHasNoMore() {
        // Composio may answer fewer than asked for; its next_cursor says whether more follow.
        stubPage(null, 50, typesPage("cursor-p2", 1, 3, 7, GITHUB.subList(0, 3)));
        stubPage("cursor-p2", 50, typesPage("cursor-p3", 2, 3, 7, GITHUB.subList(3, 6)));
        stubPage("cursor-p3", 50, typesPage(null, 3, 3, 7, GITHUB.subList(6, 7)));

        invoke("{\"toolkit_slug\":\"GitHub\"}").statusCode(200)
                .body("count", is(7))
                .body("next_cursor", nullValue())
                .body("trigger_types.slug", is(GITHUB_SLUGS))
                .body("trigger_types[0].name", is("Commit Event"))
                .body("trigger_types[0].description", is("Triggered when a new commit is pushed to a repository."))
                .body("trigger_types[0].toolkit", is("github"))
                .body("trigger_types[0].type", is("webhook"))
                .body("trigger_types[0].requires_webhook_endpoint", is(false))
                .body("trigger_types[5].type", is("poll"));

        composio.verify(3, getRequestedFor(urlPathEqualTo(TYPES))
                .withQueryParam("toolkit_slugs", equalTo("github"))
                .withQueryParam("limit", equalTo("50"))
                .withHeader("x-api-key", equalTo(API_KEY)));
    }

    @Test
    void severalToolkitsAreOneFilterAndTheEndpointFlagIsShown() {
        String slack = resource("triggers/type-slack-receive-message.json");
        composio.stubFor(get(urlPathEqualTo(TYPES)).withQueryParam("toolkit_slugs", equalTo("github,slack"))
                .willReturn(okJson(typesPage(null, 1, 1, 2, List.of(GITHUB.get(0), slack)))));

        invoke("{\"toolkit_slug\":\"github\",\"toolkit_slugs\":\"slack\"}").statusCode(200)
                .body("trigger_types.slug", contains("GITHUB_COMMIT_EVENT", "SLACK_RECEIVE_MESSAGE"))
                .body("trigger_types.toolkit", contains("github", "slack"))
                .body("trigger_types.requires_webhook_endpoint", contains(false, true));
        invoke("{\"toolkit_slugs\":[\"github\",\"Slack\"]}").statusCode(200).body("count", is(2));
    }

    @Test
    void theBoundStopsAListingAndItsCursorGoesOnWhereItStopped() {
        stubPage(null, 50, typesPage("cursor-p2", 1, 4, 8, GITHUB.subList(0, 2)));
        stubPage("cursor-p2", 50, typesPage("cursor-p3", 2, 4, 8, GITHUB.subList(2, 4)));
        stubPage("cursor-p3", 50, typesPage("cursor-p4", 3, 4, 8, GITHUB.subList(4, 6)));
        stubPage("cursor-p4", 50, typesPage(null, 4, 4, 8, GITHUB.subList(6, 7)));

        JsonPath first = invoke("{\"toolkit_slug\":\"github\"}").statusCode(200)
                .body("count", is(6))
                .body("next_cursor", notNullValue())
                .extract().jsonPath();
        composio.verify(3, getRequestedFor(urlPathEqualTo(TYPES)));

        invoke("{\"toolkit_slug\":\"github\",\"cursor\":\"" + first.getString("next_cursor") + "\"}").statusCode(200)
                .body("trigger_types.slug", contains("GITHUB_PUSH_EVENT"))
                .body("next_cursor", nullValue());
        composio.verify(4, getRequestedFor(urlPathEqualTo(TYPES)));
        composio.verify(1, getRequestedFor(urlPathEqualTo(TYPES)).withQueryParam("cursor", equalTo("cursor-p4")));
    }

    @Test
    void aLimitReadsPagesOfThatSizeAndEveryLimitAfterwardsLosesAndRepeatsNothing() {
        // Composio's cursor encodes page number and size: pages of 3 here.
        stubPage(null, 3, typesPage("p2-of-3", 1, 3, 7, GITHUB.subList(0, 3)));
        stubPage("p2-of-3", 3, typesPage("p3-of-3", 2, 3, 7, GITHUB.subList(3, 6)));
        stubPage("p3-of-3", 3, typesPage(null, 3, 3, 7, GITHUB.subList(6, 7)));

        List<String> seen = new ArrayList<>();
        JsonPath page = list("{\"toolkit_slug\":\"github\",\"limit\":3}", seen);
        assertThat(page.getInt("count")).isEqualTo(3);
        composio.verify(1, getRequestedFor(urlPathEqualTo(TYPES)).withQueryParam("limit", equalTo("3")).withQueryParam("cursor", absent()));

        // A smaller limit ends mid-page: its cursor resumes inside that page.
        page = list("{\"toolkit_slug\":\"github\",\"limit\":2,\"cursor\":\"" + page.getString("next_cursor") + "\"}", seen);
        assertThat(page.getInt("count")).isEqualTo(2);
        // Without a limit it reads the rest of that page, then the next pages, to the end.
        page = list("{\"toolkit_slug\":\"github\",\"cursor\":\"" + page.getString("next_cursor") + "\"}", seen);

        assertThat(page.getString("next_cursor")).as("the end: no cursor").isNull();
        assertThat(seen).containsExactlyElementsOf(GITHUB_SLUGS);
        composio.verify(0, getRequestedFor(urlPathEqualTo(TYPES)).withQueryParam("limit", equalTo("50")));
    }

    @Test
    void aLimitEndingOnComposiosLastItemHasNoCursor() {
        stubPage(null, 7, typesPage(null, 1, 1, 7, GITHUB));

        invoke("{\"toolkit_slug\":\"github\",\"limit\":7}").statusCode(200)
                .body("count", is(7)).body("next_cursor", nullValue());
        composio.verify(1, getRequestedFor(urlPathEqualTo(TYPES)));
    }

    @Test
    void tooManyRequestsAndUnavailableAreRetriedThenSucceed() {
        MappingBuilder first = get(urlPathEqualTo(TYPES)).withQueryParam("cursor", absent());
        composio.stubFor(first.inScenario("types").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429)).willSetStateTo("busy"));
        composio.stubFor(get(urlPathEqualTo(TYPES)).inScenario("types").whenScenarioStateIs("busy")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        composio.stubFor(get(urlPathEqualTo(TYPES)).inScenario("types").whenScenarioStateIs("up")
                .willReturn(okJson(typesPage(null, 1, 1, 7, GITHUB))));

        invoke("{\"toolkit_slug\":\"github\"}").statusCode(200).body("count", is(7));
        composio.verify(3, getRequestedFor(urlPathEqualTo(TYPES)));
    }

    @Test
    void composioStayingDownEndsAsUnavailable() {
        composio.stubFor(get(urlPathEqualTo(TYPES)).willReturn(aResponse().withStatus(503)));

        assertThat(failure(invoke("{\"toolkit_slug\":\"github\"}"), ComposioUnavailable.class)).contains("Try again later");
        composio.verify(4, getRequestedFor(urlPathEqualTo(TYPES)));
    }

    @Test
    void aBadApiKeyFailsAtOnceAndTheKeyNeverShows() {
        composio.stubFor(get(urlPathEqualTo(TYPES)).willReturn(aResponse().withStatus(401)
                .withHeader("content-type", "application/json")
                .withBody(error(401, "Auth_InvalidApiKey", "Invalid API key", "req_401"))));

        var response = invoke("{\"toolkit_slug\":\"github\"}");
        assertThat(failure(response, ComposioAuthenticationFailed.class)).contains("COMPOSIO_API_KEY");
        assertThat(response.extract().asString()).doesNotContain(API_KEY);
        composio.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void aBadRequestOnTheListIsComposiosOwnErrorNotAnUnknownType() {
        composio.stubFor(get(urlPathEqualTo(TYPES)).willReturn(aResponse().withStatus(400)
                .withHeader("content-type", "application/json")
                .withBody(error(400, "BadRequest", "Invalid toolkit slug", "req_400"))));

        var response = invoke("{\"toolkit_slug\":\"nosuchtoolkit\"}");
        assertThat(MockLambda.failure(response, ComposioApiError.class))
                .startsWith("Composio answered HTTP 400")
                .contains("Invalid toolkit slug").contains("req_400");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{}                                                  | 'toolkit_slug' is required",
            "{\"toolkit_slug\":\" \"}                            | 'toolkit_slug' is required",
            "{\"toolkit_slugs\":[\"github\",\"\"]}               | 'toolkit_slugs[1]' is required",
            "{\"toolkit_slug\":\"git hub\"}                      | 'toolkit_slug' must be a toolkit slug",
            "{\"toolkit_slug\":\"github\",\"limit\":0}           | 'limit' must be between 1 and 1000",
            "{\"toolkit_slug\":\"github\",\"limit\":1001}        | 'limit' must be between 1 and 1000",
            "{\"toolkit_slug\":\"github\",\"cursor\":\"\"}       | 'cursor' is empty",
            "{\"toolkit_slug\":\"github\",\"cursor\":\"cursor-p2\"} | 'cursor' is not a cursor listTriggerTypes answered",
            "{\"toolkit_slug\":\"github\",\"cursor\":\"v1.!!\"}  | 'cursor' is not a cursor listTriggerTypes answered"})
    void badInputIsRefusedBeforeAnyCall(String input, String expected) {
        assertThat(failure(invoke(input), InvalidInput.class)).startsWith(expected);
        composio.verify(0, anyRequestedFor(anyUrl()));
    }

    private JsonPath list(String input, List<String> seen) {
        JsonPath answer = invoke(input).statusCode(200).extract().jsonPath();
        seen.addAll(answer.getList("trigger_types.slug", String.class));
        return answer;
    }

    private void stubPage(String cursor, int limit, String page) {
        composio.stubFor(get(urlPathEqualTo(TYPES))
                .withQueryParam("toolkit_slugs", equalTo("github"))
                .withQueryParam("limit", equalTo(Integer.toString(limit)))
                .withQueryParam("cursor", cursor == null ? absent() : equalTo(cursor))
                .willReturn(okJson(page)));
    }
}
