package io.ctf.trigger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.ctf.composio.ComposioApiError;
import io.ctf.composio.ComposioAuthenticationFailed;
import io.ctf.composio.ComposioUnavailable;
import io.ctf.composio.InjectWireMock;
import io.ctf.composio.WireMockComposio;
import io.ctf.lambda.InvalidInput;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.ctf.trigger.FunctionCalls.API_KEY;
import static io.ctf.trigger.FunctionCalls.account;
import static io.ctf.trigger.FunctionCalls.accountsPage;
import static io.ctf.trigger.FunctionCalls.error;
import static io.ctf.trigger.FunctionCalls.failure;
import static io.ctf.trigger.FunctionCalls.invoke;
import static io.ctf.trigger.FunctionCalls.ownAppAccount;
import static io.ctf.trigger.FunctionCalls.resource;
import static io.ctf.trigger.FunctionCalls.upserted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** createTrigger against a WireMock Composio speaking the OpenAPI spec's shapes. */
@QuarkusTest
@TestProfile(CreateTriggerFunctionTest.CreateTrigger.class)
@QuarkusTestResource(WireMockComposio.class)
class CreateTriggerFunctionTest {

    public static class CreateTrigger extends FunctionCalls.Export {
        public CreateTrigger() {
            super("createTrigger");
        }
    }

    static final String GITHUB_TYPE = "/api/v3.1/triggers_types/GITHUB_COMMIT_EVENT";
    static final String SLACK_TYPE = "/api/v3.1/triggers_types/SLACK_RECEIVE_MESSAGE";
    static final String ACCOUNTS = "/api/v3.1/connected_accounts";
    static final String ENDPOINTS = "/api/v3.1/webhook_endpoints";
    static final String GITHUB_UPSERT = "/api/v3.1/trigger_instances/GITHUB_COMMIT_EVENT/upsert";
    static final String SLACK_UPSERT = "/api/v3.1/trigger_instances/SLACK_RECEIVE_MESSAGE/upsert";

    static final String BY_USER = """
            {"slug":"GITHUB_COMMIT_EVENT","user_id":"user-1","trigger_config":{"owner":"acme","repo":"api"}}""";

    @InjectWireMock
    WireMockServer composio;

    @Inject
    TriggerTypes triggerTypes;

    @BeforeEach
    void freshComposio() {
        composio.resetAll();
        triggerTypes.invalidateAll();
    }

    // --- choosing the connected account -----------------------------------------------------

    @Test
    void byUserTheNewestActiveAccountBeatsANewerExpiredOne() {
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).willReturn(okJson(resource("triggers/type-github-commit-event.json"))));
        // Composio filters by status when asked; unasked, the newer EXPIRED account comes first.
        composio.stubFor(accounts().withQueryParam("statuses", absent()).willReturn(okJson(accountsPage(null,
                account("ca_Expired", "github", "EXPIRED", "2026-11-20T10:00:00.000Z", false),
                account("ca_Active", "github", "ACTIVE", "2026-10-01T10:00:00.000Z", false)))));
        composio.stubFor(accounts().withQueryParam("statuses", equalTo("ACTIVE")).willReturn(okJson(accountsPage(null,
                account("ca_Active", "github", "ACTIVE", "2026-10-01T10:00:00.000Z", false)))));
        composio.stubFor(post(urlPathEqualTo(GITHUB_UPSERT)).willReturn(okJson(upserted("ti_New")).withStatus(201)));

        invoke(BY_USER).statusCode(200)
                .body("trigger_id", is("ti_New"))
                .body("slug", is("GITHUB_COMMIT_EVENT"))
                .body("connected_account_id", is("ca_Active"))
                .body("created", is(true));

        composio.verify(getRequestedFor(urlPathEqualTo(ACCOUNTS))
                .withQueryParam("user_ids", equalTo("user-1"))
                .withQueryParam("toolkit_slugs", equalTo("github"))
                .withQueryParam("statuses", equalTo("ACTIVE"))
                .withQueryParam("order_by", equalTo("created_at"))
                .withQueryParam("order_direction", equalTo("desc")));
        composio.verify(postRequestedFor(urlPathEqualTo(GITHUB_UPSERT))
                .withHeader("x-api-key", equalTo(API_KEY))
                .withRequestBody(equalToJson("""
                        {"connected_account_id":"ca_Active","trigger_config":{"owner":"acme","repo":"api"},"user_id":"user-1"}""")));
        assertThat(composio.getAllServeEvents()).as("Composio calls for one create").hasSize(3);
    }

    @Test
    void anActiveAccountThatIsDisabledIsPassedOverForTheNextPage() {
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).willReturn(okJson(resource("triggers/type-github-commit-event.json"))));
        composio.stubFor(accounts().withQueryParam("cursor", absent()).willReturn(okJson(accountsPage("page-2",
                account("ca_Disabled", "github", "ACTIVE", "2026-11-20T10:00:00.000Z", true)))));
        composio.stubFor(accounts().withQueryParam("cursor", equalTo("page-2")).willReturn(okJson(accountsPage(null,
                account("ca_Older", "github", "ACTIVE", "2026-01-01T10:00:00.000Z", false)))));
        composio.stubFor(post(urlPathEqualTo(GITHUB_UPSERT)).willReturn(okJson(upserted("ti_New")).withStatus(201)));

        invoke(BY_USER).statusCode(200).body("connected_account_id", is("ca_Older"));
        composio.verify(2, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
    }

    @Test
    void anExplicitAccountIsUsedAsGivenInTwoCalls() {
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).willReturn(okJson(resource("triggers/type-github-commit-event.json"))));
        composio.stubFor(post(urlPathEqualTo(GITHUB_UPSERT)).willReturn(okJson(upserted("ti_Explicit")).withStatus(201)));

        invoke("""
                {"slug":"github_commit_event","connected_account_id":"ca_Given","trigger_config":{"owner":"acme","repo":"api"},
                 "toolkit_version":"latest"}""").statusCode(200)
                .body("trigger_id", is("ti_Explicit"))
                .body("slug", is("GITHUB_COMMIT_EVENT"))
                .body("connected_account_id", is("ca_Given"))
                .body("created", is(true));

        composio.verify(getRequestedFor(urlPathEqualTo(GITHUB_TYPE)).withQueryParam("toolkit_versions", equalTo("latest")));
        composio.verify(postRequestedFor(urlPathEqualTo(GITHUB_UPSERT)).withRequestBody(equalToJson("""
                {"connected_account_id":"ca_Given","trigger_config":{"owner":"acme","repo":"api"},"toolkit_versions":"latest"}""")));
        composio.verify(0, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
        assertThat(composio.getAllServeEvents()).hasSize(2);
    }

    @Test
    void repeatingACreateReturnsTheSameTriggerAndReusesTheKnownType() {
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).willReturn(okJson(resource("triggers/type-github-commit-event.json"))));
        composio.stubFor(accounts().willReturn(okJson(accountsPage(null,
                account("ca_Active", "github", "ACTIVE", "2026-10-01T10:00:00.000Z", false)))));
        composio.stubFor(post(urlPathEqualTo(GITHUB_UPSERT)).inScenario("upsert").whenScenarioStateIs(STARTED)
                .willReturn(okJson(upserted("ti_Same")).withStatus(201)).willSetStateTo("exists"));
        composio.stubFor(post(urlPathEqualTo(GITHUB_UPSERT)).inScenario("upsert").whenScenarioStateIs("exists")
                .willReturn(okJson(upserted("ti_Same"))));

        invoke(BY_USER).statusCode(200).body("trigger_id", is("ti_Same")).body("created", is(true));
        assertThat(composio.getAllServeEvents()).as("first create").hasSize(3);
        composio.resetRequests();

        invoke(BY_USER).statusCode(200).body("trigger_id", is("ti_Same")).body("created", is(false));
        assertThat(composio.getAllServeEvents()).as("repeat, trigger type known").hasSize(2);
        composio.verify(0, getRequestedFor(urlPathEqualTo(GITHUB_TYPE)));
    }

    @Test
    void aKnownTypeIsReadAgainOnceItsTimeToLiveHasPassed() {
        var clock = new MovableClock(Instant.parse("2026-11-23T12:00:00Z"));
        QuarkusMock.installMockForType(clock, InstantSource.class);
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).willReturn(okJson(resource("triggers/type-github-commit-event.json"))));
        composio.stubFor(post(urlPathEqualTo(GITHUB_UPSERT)).willReturn(okJson(upserted("ti_Same"))));
        String input = """
                {"slug":"GITHUB_COMMIT_EVENT","connected_account_id":"ca_1","trigger_config":{"owner":"acme","repo":"api"}}""";

        invoke(input).statusCode(200);
        clock.advance(Duration.ofMinutes(14));
        invoke(input).statusCode(200);
        composio.verify(1, getRequestedFor(urlPathEqualTo(GITHUB_TYPE)));

        clock.advance(Duration.ofMinutes(2));
        invoke(input).statusCode(200);
        composio.verify(2, getRequestedFor(urlPathEqualTo(GITHUB_TYPE)));
    }

    /** A clock a test moves on: the type cache's 15 minutes pass without waiting. */
    static final class MovableClock implements InstantSource {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aUserWithoutAnActiveAccountIsToldWhatWasFound() {
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).willReturn(okJson(resource("triggers/type-github-commit-event.json"))));
        composio.stubFor(accounts().withQueryParam("statuses", equalTo("ACTIVE")).willReturn(okJson(accountsPage(null))));
        composio.stubFor(accounts().withQueryParam("statuses", absent()).willReturn(okJson(accountsPage(null,
                account("ca_Expired", "github", "EXPIRED", "2026-11-20T10:00:00.000Z", false)))));

        String message = failure(invoke(BY_USER), ConnectedAccountNotFound.class);

        assertThat(message).startsWith("user 'user-1' has no ACTIVE github account (found: 1 EXPIRED)")
                .contains("connected_account_id");
        composio.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aUserWithNoAccountAtAllIsToldSo() {
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).willReturn(okJson(resource("triggers/type-github-commit-event.json"))));
        composio.stubFor(accounts().willReturn(okJson(accountsPage(null))));

        assertThat(failure(invoke(BY_USER), ConnectedAccountNotFound.class))
                .startsWith("user 'user-1' has no ACTIVE github account (found: none)");
        composio.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void anUnknownExplicitAccountIsNamed() {
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).willReturn(okJson(resource("triggers/type-github-commit-event.json"))));
        composio.stubFor(post(urlPathEqualTo(GITHUB_UPSERT)).willReturn(aResponse().withStatus(404)
                .withHeader("content-type", "application/json")
                .withBody(error(404, "ConnectedAccount_NotFound", "Connected account not found", "req_ca404"))));

        assertThat(failure(invoke("""
                {"slug":"GITHUB_COMMIT_EVENT","connected_account_id":"ca_Nope","trigger_config":{"owner":"a","repo":"b"}}"""),
                ConnectedAccountNotFound.class))
                .contains("'ca_Nope'").contains("req_ca404");
    }

    // --- trigger_config against the type's schema -------------------------------------------

    @Test
    void everyConfigViolationIsReportedByFieldAndNothingIsWritten() {
        composio.stubFor(get(urlPathEqualTo(SLACK_TYPE)).willReturn(okJson(resource("triggers/type-slack-receive-message.json"))));

        String message = failure(invoke("""
                {"slug":"SLACK_RECEIVE_MESSAGE","user_id":"user-1","trigger_config":{
                  "message_types":["all","threads"],"min_interval":0,"include_bots":"no","colour":"red"}}"""),
                InvalidTriggerConfig.class);

        assertThat(message)
                .startsWith("trigger_config does not fit the config schema of SLACK_RECEIVE_MESSAGE (5 problems): ")
                .contains("trigger_config.channel_id: required property 'channel_id' not found")
                .contains("trigger_config.colour: property 'colour' is not defined in the schema")
                .contains("trigger_config.include_bots: string found, boolean expected")
                .contains("trigger_config.message_types[1]: does not have a value in the enumeration")
                .contains("trigger_config.min_interval: must have a minimum value of 1")
                .endsWith("Nothing was created; fix trigger_config and call again.");
        composio.verify(0, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
        composio.verify(0, postRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{}                                 | trigger_config.owner: required property 'owner' not found",
            "{\"owner\":\"acme\",\"repo\":42}   | trigger_config.repo: integer found, string expected",
            "{\"owner\":null,\"repo\":\"api\"}  | trigger_config.owner: null found, string expected"})
    void eachViolationNamesItsField(String config, String expected) {
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).willReturn(okJson(resource("triggers/type-github-commit-event.json"))));

        String message = failure(invoke("{\"slug\":\"GITHUB_COMMIT_EVENT\",\"user_id\":\"user-1\",\"trigger_config\":" + config + "}"),
                InvalidTriggerConfig.class);

        assertThat(message).contains(expected);
        composio.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aMissingTriggerConfigIsCheckedAsAnEmptyOne() {
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).willReturn(okJson(resource("triggers/type-github-commit-event.json"))));

        assertThat(failure(invoke("{\"slug\":\"GITHUB_COMMIT_EVENT\",\"user_id\":\"user-1\"}"), InvalidTriggerConfig.class))
                .contains("(2 problems)").contains("trigger_config.owner").contains("trigger_config.repo");
    }

    // --- Composio's refusals -----------------------------------------------------------------

    @Test
    void aTypeNeedingAWebhookEndpointPointsToProvisionEndpoint() {
        composio.stubFor(get(urlPathEqualTo(SLACK_TYPE)).willReturn(okJson(resource("triggers/type-slack-receive-message.json"))));
        composio.stubFor(post(urlPathEqualTo(SLACK_UPSERT)).willReturn(aResponse().withStatus(400)
                .withHeader("content-type", "application/json")
                .withBody(error(400, "BadRequest", "Bad request", "req_we400"))));

        String message = failure(invoke("""
                {"slug":"SLACK_RECEIVE_MESSAGE","connected_account_id":"ca_Slack","trigger_config":{"channel_id":"C012AB3CD4"}}"""),
                WebhookEndpointRequired.class);

        assertThat(message).startsWith("SLACK_RECEIVE_MESSAGE needs a webhook endpoint for toolkit 'slack'")
                .contains("provisionEndpoint").contains("\"toolkit_slug\": \"slack\"").contains("req_we400");
        composio.verify(1, postRequestedFor(urlPathEqualTo(SLACK_UPSERT)));
        assertThat(composio.getAllServeEvents()).as("no extra call to pre-check endpoints").hasSize(2);
    }

    @Test
    void theFlagIsAlsoUnderstoodByTheNameComposiosDocsUse() {
        composio.stubFor(get(urlPathEqualTo(SLACK_TYPE)).willReturn(okJson(resource("triggers/type-slack-receive-message.json")
                .replace("requires_webhook_endpoint_setup", "requires_webhook_endpoint"))));
        composio.stubFor(post(urlPathEqualTo(SLACK_UPSERT)).willReturn(aResponse().withStatus(400)
                .withHeader("content-type", "application/json")
                .withBody(error(400, "BadRequest", "Bad request", "req_we400"))));

        failure(invoke("""
                {"slug":"SLACK_RECEIVE_MESSAGE","connected_account_id":"ca_Slack","trigger_config":{"channel_id":"C012AB3CD4"}}"""),
                WebhookEndpointRequired.class);
    }

    @Test
    void aBadRequestForATypeWithoutEndpointStaysComposiosError() {
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).willReturn(okJson(resource("triggers/type-github-commit-event.json"))));
        composio.stubFor(post(urlPathEqualTo(GITHUB_UPSERT)).willReturn(aResponse().withStatus(400)
                .withHeader("content-type", "application/json")
                .withBody(error(400, "Trigger_ConfigInvalid", "Repository acme/api not found", "req_400"))));

        assertThat(failure(invoke("""
                {"slug":"GITHUB_COMMIT_EVENT","connected_account_id":"ca_1","trigger_config":{"owner":"acme","repo":"api"}}"""),
                ComposioApiError.class))
                .contains("HTTP 400").contains("Repository acme/api not found").contains("[Composio request id req_400]");
    }

    @ParameterizedTest
    @CsvSource({"400, BadRequest", "404, TriggerType_NotFound"})
    void anUnknownSlugIsTriggerTypeNotFoundWhetherComposioAnswers400Or404(int status, String slug) {
        composio.stubFor(get(urlPathEqualTo("/api/v3.1/triggers_types/GITHUB_NO_SUCH_EVENT")).willReturn(aResponse().withStatus(status)
                .withHeader("content-type", "application/json")
                .withBody(error(status, slug, "Trigger type not found", "req_" + status))));

        assertThat(failure(invoke("{\"slug\":\"GITHUB_NO_SUCH_EVENT\",\"user_id\":\"user-1\",\"trigger_config\":{}}"),
                TriggerTypeNotFound.class))
                .startsWith("Composio has no trigger type 'GITHUB_NO_SUCH_EVENT'").contains("req_" + status);
        assertThat(composio.getAllServeEvents()).hasSize(1);
    }

    // --- dry_run: every check, no write ------------------------------------------------------

    @Test
    void aDryRunByUserMakesEveryCheckAndWritesNothing() {
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).willReturn(okJson(resource("triggers/type-github-commit-event.json"))));
        composio.stubFor(accounts().willReturn(okJson(accountsPage(null,
                account("ca_Active", "github", "ACTIVE", "2026-10-01T10:00:00.000Z", false)))));

        invoke("""
                {"slug":"github_commit_event","user_id":"user-1","trigger_config":{"owner":"acme","repo":"api"},"dry_run":true}""")
                .statusCode(200)
                .body("dry_run", is(true))
                .body("slug", is("GITHUB_COMMIT_EVENT"))
                .body("connected_account_id", is("ca_Active"))
                .body("trigger_config.owner", is("acme"))
                .body("trigger_config.repo", is("api"))
                .body("requires_webhook_endpoint", is(false))
                .body("$", not(hasKey("trigger_id")));

        assertThat(composio.getAllServeEvents()).as("type and accounts read, nothing else")
                .extracting(e -> e.getRequest().getMethod().getName() + " " + e.getRequest().getUrl().replaceFirst("\\?.*", ""))
                .containsExactlyInAnyOrder("GET " + GITHUB_TYPE, "GET " + ACCOUNTS);
    }

    @Test
    void aDryRunWithAnExplicitAccountChecksThatComposioKnowsIt() {
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).willReturn(okJson(resource("triggers/type-github-commit-event.json"))));
        composio.stubFor(get(urlPathEqualTo(ACCOUNTS + "/ca_Given")).willReturn(okJson(
                account("ca_Given", "github", "ACTIVE", "2026-10-01T10:00:00.000Z", false))));
        composio.stubFor(get(urlPathEqualTo(ACCOUNTS + "/ca_Nope")).willReturn(aResponse().withStatus(404)
                .withHeader("content-type", "application/json")
                .withBody(error(404, "ConnectedAccount_NotFound", "Connected account not found", "req_ca404"))));

        invoke("""
                {"slug":"GITHUB_COMMIT_EVENT","connected_account_id":"ca_Given","trigger_config":{"owner":"a","repo":"b"},"dry_run":true}""")
                .statusCode(200).body("dry_run", is(true)).body("connected_account_id", is("ca_Given"));
        assertThat(failure(invoke("""
                {"slug":"GITHUB_COMMIT_EVENT","connected_account_id":"ca_Nope","trigger_config":{"owner":"a","repo":"b"},"dry_run":true}"""),
                ConnectedAccountNotFound.class))
                .contains("'ca_Nope'").contains("req_ca404");
        assertNothingWritten();
    }

    @Test
    void aDryRunOfATypeNeedingAnEndpointChecksTheToolkitHasOne() {
        composio.stubFor(get(urlPathEqualTo(SLACK_TYPE)).willReturn(okJson(resource("triggers/type-slack-receive-message.json"))));
        composio.stubFor(get(urlPathEqualTo(ACCOUNTS + "/ca_Slack")).willReturn(okJson(
                ownAppAccount("ca_Slack", "slack", "ACTIVE", "2026-10-01T10:00:00.000Z"))));
        String input = """
                {"slug":"SLACK_RECEIVE_MESSAGE","connected_account_id":"ca_Slack","trigger_config":{"channel_id":"C012AB3CD4"},"dry_run":true}""";

        composio.stubFor(get(urlPathEqualTo(ENDPOINTS)).willReturn(okJson("{\"items\":[]}")));
        assertThat(failure(invoke(input), WebhookEndpointRequired.class))
                .startsWith("SLACK_RECEIVE_MESSAGE needs a webhook endpoint for toolkit 'slack'")
                .contains("dry run").contains("provisionEndpoint");
        composio.verify(getRequestedFor(urlPathEqualTo(ENDPOINTS)).withQueryParam("toolkit_slug", equalTo("slack")));

        composio.stubFor(get(urlPathEqualTo(ENDPOINTS)).willReturn(okJson("""
                {"items":[{"id":"we_abc123","toolkit_slug":"slack","client_id":"1234567890.0987654321"}]}""")));
        invoke(input).statusCode(200)
                .body("dry_run", is(true))
                .body("requires_webhook_endpoint", is(true))
                .body("trigger_config.channel_id", is("C012AB3CD4"));
        assertNothingWritten();
    }

    @Test
    void aDryRunOnAComposioManagedAppNeedsNoEndpointOfYours() {
        composio.stubFor(get(urlPathEqualTo(SLACK_TYPE)).willReturn(okJson(resource("triggers/type-slack-receive-message.json"))));
        composio.stubFor(accounts().willReturn(okJson(accountsPage(null,
                account("ca_Managed", "slack", "ACTIVE", "2026-10-01T10:00:00.000Z", false)))));

        invoke("""
                {"slug":"SLACK_RECEIVE_MESSAGE","user_id":"user-1","trigger_config":{"channel_id":"C012AB3CD4"},"dry_run":true}""")
                .statusCode(200).body("connected_account_id", is("ca_Managed")).body("requires_webhook_endpoint", is(true));
        composio.verify(0, getRequestedFor(urlPathEqualTo(ENDPOINTS)));
        assertNothingWritten();
    }

    @Test
    void aDryRunFailsAsARealRunWould() {
        composio.stubFor(get(urlPathEqualTo(SLACK_TYPE)).willReturn(okJson(resource("triggers/type-slack-receive-message.json"))));
        composio.stubFor(get(urlPathEqualTo("/api/v3.1/triggers_types/SLACK_NO_SUCH_EVENT")).willReturn(aResponse().withStatus(400)
                .withHeader("content-type", "application/json")
                .withBody(error(400, "BadRequest", "Trigger type not found", "req_400"))));
        composio.stubFor(accounts().willReturn(okJson(accountsPage(null))));

        assertThat(failure(invoke("""
                {"slug":"SLACK_RECEIVE_MESSAGE","user_id":"user-1","trigger_config":{"min_interval":0},"dry_run":true}"""),
                InvalidTriggerConfig.class)).contains("trigger_config.channel_id").contains("trigger_config.min_interval");
        failure(invoke("{\"slug\":\"SLACK_NO_SUCH_EVENT\",\"user_id\":\"user-1\",\"dry_run\":true}"), TriggerTypeNotFound.class);
        assertThat(failure(invoke("""
                {"slug":"SLACK_RECEIVE_MESSAGE","user_id":"user-1","trigger_config":{"channel_id":"C012AB3CD4"},"dry_run":true}"""),
                ConnectedAccountNotFound.class)).startsWith("user 'user-1' has no ACTIVE slack account");
        assertThat(failure(invoke("{\"slug\":\"SLACK_RECEIVE_MESSAGE\",\"dry_run\":true}"), InvalidInput.class))
                .contains("'user_id' or 'connected_account_id' is required");
        assertNothingWritten();
    }

    @Test
    void dryRunFalseIsARealRun() {
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).willReturn(okJson(resource("triggers/type-github-commit-event.json"))));
        composio.stubFor(post(urlPathEqualTo(GITHUB_UPSERT)).willReturn(okJson(upserted("ti_Real")).withStatus(201)));

        invoke("""
                {"slug":"GITHUB_COMMIT_EVENT","connected_account_id":"ca_1","trigger_config":{"owner":"a","repo":"b"},"dry_run":false}""")
                .statusCode(200).body("trigger_id", is("ti_Real")).body("$", not(hasKey("dry_run")));
        composio.verify(1, postRequestedFor(urlPathEqualTo(GITHUB_UPSERT)).withRequestBody(equalToJson("""
                {"connected_account_id":"ca_1","trigger_config":{"owner":"a","repo":"b"}}""")));
    }

    private void assertNothingWritten() {
        assertThat(composio.getAllServeEvents()).as("requests other than GET")
                .filteredOn(e -> !e.getRequest().getMethod().getName().equals("GET")).isEmpty();
    }

    @Test
    void tooManyRequestsAndUnavailableAreRetriedThenSucceed() {
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).inScenario("type").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429)).willSetStateTo("busy"));
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).inScenario("type").whenScenarioStateIs("busy")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).inScenario("type").whenScenarioStateIs("up")
                .willReturn(okJson(resource("triggers/type-github-commit-event.json"))));
        composio.stubFor(post(urlPathEqualTo(GITHUB_UPSERT)).inScenario("upsert").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        composio.stubFor(post(urlPathEqualTo(GITHUB_UPSERT)).inScenario("upsert").whenScenarioStateIs("up")
                .willReturn(okJson(upserted("ti_AfterRetry")).withStatus(201)));

        invoke("""
                {"slug":"GITHUB_COMMIT_EVENT","connected_account_id":"ca_1","trigger_config":{"owner":"acme","repo":"api"}}""")
                .statusCode(200).body("trigger_id", is("ti_AfterRetry"));

        composio.verify(3, getRequestedFor(urlPathEqualTo(GITHUB_TYPE)));
        composio.verify(2, postRequestedFor(urlPathEqualTo(GITHUB_UPSERT)));
    }

    @Test
    void composioStayingDownEndsAsUnavailable() {
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).willReturn(aResponse().withStatus(503)
                .withHeader("content-type", "application/json")
                .withBody(error(503, "ServiceUnavailable", "Service unavailable", "req_503"))));

        assertThat(failure(invoke(BY_USER), ComposioUnavailable.class)).contains("Try again later").contains("req_503");
        composio.verify(4, getRequestedFor(urlPathEqualTo(GITHUB_TYPE)));
    }

    @Test
    void aBadApiKeyFailsAtOnceAndTheKeyNeverShows() {
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).willReturn(aResponse().withStatus(401)
                .withHeader("content-type", "application/json")
                .withBody(error(401, "Auth_InvalidApiKey", "Invalid API key", "req_401"))));

        var response = invoke(BY_USER);
        assertThat(failure(response, ComposioAuthenticationFailed.class)).contains("COMPOSIO_API_KEY");
        assertThat(response.extract().asString()).doesNotContain(API_KEY);
        composio.verify(1, anyRequestedFor(anyUrl()));
    }

    // --- the input itself --------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"user_id\":\"u\"}                                            | 'slug' is required",
            "{\"slug\":\"GITHUB/../X\",\"user_id\":\"u\"}                   | 'slug' must be a trigger type slug",
            "{\"slug\":\"GITHUB_COMMIT_EVENT\"}                             | 'user_id' or 'connected_account_id' is required",
            "{\"slug\":\"GITHUB_COMMIT_EVENT\",\"user_id\":\"u\",\"connected_account_id\":\"ca\"} | not both",
            "{\"slug\":\"GITHUB_COMMIT_EVENT\",\"user_id\":[\"u\"]}         | 'user_id' has the wrong type: expected a string",
            "{\"slug\":\"GITHUB_COMMIT_EVENT\",\"user_id\":\"u\",\"trigger_config\":\"owner=acme\"} | 'trigger_config' has the wrong type: expected an object",
            "{\"slug\":\"GITHUB_COMMIT_EVENT\",\"user_id\":\"u\",\"toolkit_version\":\" \"} | 'toolkit_version' is empty",
            "[1,2]                                                          | the input must be a JSON object"})
    void invalidInputIsRefusedBeforeAnyCall(String input, String expected) {
        assertThat(failure(invoke(input), InvalidInput.class)).contains(expected);
        composio.verify(0, anyRequestedFor(anyUrl()));
    }

    private static MappingBuilder accounts() {
        return get(urlPathEqualTo(ACCOUNTS));
    }
}
