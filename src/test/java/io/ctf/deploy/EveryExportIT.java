package io.ctf.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.ctf.endpoint.ComposioEndpoints;
import io.ctf.events.EventBridgeStandIn;
import io.ctf.subscription.SubscribeWebhooksFunctionTest;
import io.ctf.trigger.FunctionCalls;
import io.ctf.webhook.Fixtures;
import io.ctf.webhook.inbox.LocalDynamoDb;
import io.quarkus.funqy.Funq;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every exported function of target/function.zip, each in a process of its own polling a local
 * Runtime API with QUARKUS_FUNQY_EXPORT set (see {@link PolledFunction}): the JVM zip under Lambda's
 * Java runtime in plain {@code ./mvnw verify}, the native {@code bootstrap} under {@code -Dnative}, the
 * same cases. Each gets a valid input (answered), an invalid one (the function error the docs name),
 * and a valid one again (the process went on answering). Composio is WireMock in the spec's shapes,
 * the inbox DynamoDB Local, EventBridge its JSON protocol on WireMock.
 * <p>
 * The exports are read from the compiled code ({@code @Funq} methods), so a new function without a
 * case here fails {@link #everyExportHasACase()}.
 */
@EnabledIf("io.ctf.deploy.PolledFunction#zipBuilt")
class EveryExportIT {

    static final String API_KEY = "every-export-it-key-never-shown";
    static final String SECRET = "every-export-it-webhook-secret";
    static final String TABLE = "composio-inbox-every-export-it";
    static final String INVALID_INPUT = "io.ctf.lambda.InvalidInput";

    static WireMockServer composio;
    static EventBridgeStandIn eventBridge;
    static LocalDynamoDb inbox;

    /** One export's inputs: a valid one and its check, an invalid one and the error's documented name, a second valid one. */
    record Case(Map<String, String> environment, String valid, Consumer<JsonNode> answered,
                String invalid, String errorType, String validAgain) {
        Case(Map<String, String> environment, String valid, Consumer<JsonNode> answered, String invalid, String errorType) {
            this(environment, valid, answered, invalid, errorType, valid);
        }
    }

    @BeforeAll
    static void standIns() throws Exception {
        composio = new WireMockServer(options().dynamicPort());
        composio.start();
        stubComposio();
        eventBridge = new EventBridgeStandIn().start();
        inbox = LocalDynamoDb.inMemory();
        inbox.createInboxTable(TABLE);
    }

    @AfterAll
    static void stop() {
        composio.stop();
        eventBridge.stop();
        inbox.close();
    }

    /** The {@code @Funq} names of the build: what QUARKUS_FUNQY_EXPORT can select. */
    static List<String> exports() throws IOException {
        Path classes = Path.of("target/classes");
        var names = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String type = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (type.startsWith("io.ctf.nativeimage.")) {
                    continue; // GraalVM substitutions: their signatures name classes of left-out artifacts, and no function is there
                }
                Class<?> loaded;
                try {
                    loaded = Class.forName(type, false, EveryExportIT.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
                for (Method method : loaded.getDeclaredMethods()) {
                    Funq funq = method.getAnnotation(Funq.class);
                    if (funq != null) {
                        names.add(funq.value().isEmpty() ? method.getName() : funq.value());
                    }
                }
            }
        }
        return List.copyOf(names);
    }

    @Test
    void everyExportHasACase() throws IOException {
        assertThat(exports()).hasSizeGreaterThanOrEqualTo(14);
        assertThat(cases().keySet()).containsExactlyInAnyOrderElementsOf(exports());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void answersAValidInputFailsAnInvalidOneByItsNameAndGoesOnAnswering(String export) throws Exception {
        Case c = cases().get(export);
        assertThat(c).as("no case for the export " + export + ": add one to EveryExportIT.cases()").isNotNull();
        try (PolledFunction function = PolledFunction.start(export, c.environment())) {
            RuntimeApi.Outcome first = function.invoke(c.valid());
            assertThat(first.failed()).as(export + " failed a valid input: " + first + "\n" + function.output()).isFalse();
            c.answered().accept(first.answer());

            RuntimeApi.Outcome invalid = function.invoke(c.invalid());
            assertThat(invalid.failed()).as(export + " answered an invalid input: " + invalid).isTrue();
            assertThat(invalid.errorType()).as(export + ": " + invalid.errorMessage()).isEqualTo(c.errorType());
            assertThat(invalid.errorMessage()).isNotBlank().doesNotContain(API_KEY).doesNotContain(SECRET);

            RuntimeApi.Outcome again = function.invoke(c.validAgain());
            assertThat(again.failed()).as(export + " failed a valid input after an invalid one: " + again).isFalse();
            c.answered().accept(again.answer());
            assertThat(function.alive()).isTrue();
            assertThat(function.output()).doesNotContain(API_KEY).doesNotContain(SECRET);
        }
    }

    @Test
    void receiveWebhookStoresASignedDeliveryAndRefusesAForgedOne() throws Exception {
        String body = "{\"id\":\"evt_every_1\",\"type\":\"composio.trigger.message\",\"timestamp\":\"2026-11-23T12:00:00Z\","
                + "\"metadata\":{\"trigger_slug\":\"GITHUB_COMMIT_EVENT\",\"trigger_id\":\"ti_1\",\"connected_account_id\":\"ca_1\","
                + "\"user_id\":\"u_1\",\"log_id\":\"log_1\"},\"data\":{\"sha\":\"abc\"}}";
        long now = Instant.now().getEpochSecond();
        try (PolledFunction function = PolledFunction.start("receiveWebhook", receiveWebhookEnvironment())) {
            JsonNode stored = function.invoke(Fixtures.signedEvent(SECRET, "msg_every_stored", now, body).toString()).answer();
            assertThat(stored.path("statusCode").asInt()).as(stored.toString()).isEqualTo(200);
            assertThat(stored.path("body").asText())
                    .isEqualTo("{\"id\":\"msg_every_stored\",\"version\":\"V3\",\"type\":\"composio.trigger.message\",\"duplicate\":false}");
            var item = inbox.client().getItem(r -> r.tableName(TABLE)
                    .key(Map.of("id", AttributeValue.fromS("msg_every_stored")))).item();
            assertThat(item.get("trigger_slug").s()).isEqualTo("GITHUB_COMMIT_EVENT");
            assertThat(item.get("payload").s()).isEqualTo(body);

            JsonNode forged = function.invoke(Fixtures.signedEvent("not-the-secret", "msg_every_forged", now, body).toString()).answer();
            assertThat(forged.path("statusCode").asInt()).as(forged.toString()).isEqualTo(401);
            assertThat(forged.path("body").asText()).isEqualTo("{\"error\":\"no valid signature\"}");
            assertThat(inbox.client().getItem(r -> r.tableName(TABLE)
                    .key(Map.of("id", AttributeValue.fromS("msg_every_forged")))).hasItem()).isFalse();
        }
    }

    // --- the cases -----------------------------------------------------------------------------

    static Map<String, String> composioEnvironment() {
        return Map.of("COMPOSIO_BASE_URL", composio.baseUrl(), "COMPOSIO_API_KEY", API_KEY);
    }

    static Map<String, String> receiveWebhookEnvironment() {
        return Map.of("COMPOSIO_WEBHOOK_SECRET", SECRET,
                "INBOX_TABLE", TABLE,
                "INBOX_ENDPOINT", inbox.endpoint().toString(),
                "INBOX_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "AKIDEVERYEXPORTIT",
                "AWS_SECRET_ACCESS_KEY", "every-export-it-aws-secret");
    }

    static Consumer<JsonNode> field(String name, String expected) {
        return answer -> assertThat(answer.path(name).asText()).as(name + " of " + answer).isEqualTo(expected);
    }

    static Map<String, Case> cases() {
        Map<String, String> composio = composioEnvironment();
        long now = Instant.now().getEpochSecond();
        String delivery = "{\"id\":\"evt_case\",\"type\":\"composio.trigger.message\",\"metadata\":{\"trigger_slug\":\"GITHUB_COMMIT_EVENT\"},"
                + "\"data\":{\"n\":1}}";
        Map<String, Case> cases = new HashMap<>();
        cases.put("createTrigger", new Case(composio,
                "{\"slug\":\"GITHUB_COMMIT_EVENT\",\"connected_account_id\":\"ca_Given\",\"trigger_config\":{\"owner\":\"acme\",\"repo\":\"api\"}}",
                field("trigger_id", "ti_Explicit"), "{\"user_id\":\"user-1\"}", INVALID_INPUT));
        cases.put("listTriggers", new Case(composio, "{}", field("count", "1"), "{\"user_id\":12}", INVALID_INPUT));
        cases.put("enableTrigger", new Case(composio, "{\"trigger_id\":\"ti_Commit1\"}", field("status", "enabled"), "{}", INVALID_INPUT));
        cases.put("disableTrigger", new Case(composio, "{\"trigger_id\":\"ti_Commit1\"}", field("status", "disabled"), "{}", INVALID_INPUT));
        cases.put("deleteTrigger", new Case(composio, "{\"trigger_id\":\"ti_Commit1\"}", field("status", "deleted"), "{}", INVALID_INPUT));
        cases.put("getTriggerType", new Case(composio, "{\"slug\":\"GITHUB_COMMIT_EVENT\"}", field("slug", "GITHUB_COMMIT_EVENT"),
                "{\"slug\":\"GITHUB/../X\"}", INVALID_INPUT));
        cases.put("listTriggerTypes", new Case(composio, "{\"toolkit_slug\":\"github\"}", field("count", "7"), "{}", INVALID_INPUT));
        cases.put("provisionEndpoint", new Case(composio, "{\"toolkit_slug\":\"slack\",\"client_id\":\"" + CLIENT_ID + "\"}",
                field("id", ENDPOINT_ID), "{\"toolkit_slug\":\"slack\"}", INVALID_INPUT));
        cases.put("getEndpoint", new Case(composio, "{\"id\":\"" + ENDPOINT_ID + "\"}", field("webhook_url", WEBHOOK_URL), "{}", INVALID_INPUT));
        cases.put("listEndpoints", new Case(composio, "{}",
                answer -> assertThat(answer.path("endpoints").path(0).path("id").asText()).as(answer.toString()).isEqualTo(ENDPOINT_ID),
                "{\"toolkit_slug\":5}", INVALID_INPUT));
        cases.put("rotateEndpointSecret", new Case(composio,
                "{\"id\":\"" + ENDPOINT_ID + "\",\"field\":\"app_token\",\"value\":\"xapp-1-A0123456789-every-export-it\"}",
                field("id", ENDPOINT_ID), "{\"id\":\"" + ENDPOINT_ID + "\",\"field\":\"app_token\"}", INVALID_INPUT));
        Map<String, String> subscribe = new HashMap<>(composio);
        subscribe.put("COMPOSIO_WEBHOOK_URL", RECEIVER);
        subscribe.put("COMPOSIO_WEBHOOK_SECRET", SECRET);
        cases.put("subscribeWebhooks", new Case(subscribe, "{}", field("action", "unchanged"), "{\"rotate_secret\":\"yes\"}", INVALID_INPUT));
        cases.put("receiveWebhook", new Case(receiveWebhookEnvironment(),
                Fixtures.signedEvent(SECRET, "msg_case_1", now, delivery).toString(), field("statusCode", "200"),
                "\"hello\"", INVALID_INPUT,
                Fixtures.signedEvent(SECRET, "msg_case_2", now, delivery).toString()));
        cases.put("publishEvents", new Case(Map.of(
                "EVENT_BUS_NAME", "arn:aws:events:us-east-1:123456789012:event-bus/composio-events",
                "EVENT_REGION", "us-east-1",
                "AWS_ENDPOINT_URL_EVENTBRIDGE", eventBridge.url(),
                "AWS_ACCESS_KEY_ID", "AKIDEVERYEXPORTIT",
                "AWS_SECRET_ACCESS_KEY", "every-export-it-aws-secret"),
                PublishEventsZipIT.batch(PublishEventsZipIT.insert("100", "msg_every_1")),
                answer -> assertThat(answer.toString()).isEqualTo("{\"batchItemFailures\":[]}"),
                "{\"detail-type\":\"Scheduled Event\"}", "io.ctf.events.MalformedStreamBatch",
                PublishEventsZipIT.batch(PublishEventsZipIT.insert("101", "msg_every_2"))));
        return cases;
    }

    // --- Composio, in the shapes of its spec: the functions' own tests' fixtures --------------------

    static final String ENDPOINT_ID = ComposioEndpoints.ID;
    static final String CLIENT_ID = ComposioEndpoints.CLIENT_ID;
    static final String WEBHOOK_URL = ComposioEndpoints.WEBHOOK_URL;
    static final String RECEIVER = "https://abc123.execute-api.us-east-1.amazonaws.com/webhook";

    static void stubComposio() {
        String endpoint = ComposioEndpoints.endpoint(ComposioEndpoints.masked("webhook_signing_secret", "app_token"),
                ComposioEndpoints.VERIFIED_AT);
        // The subscription already points at the receiver, with the default events: nothing to change.
        String subscription = SubscribeWebhooksFunctionTest.subscription("ws_1", RECEIVER,
                SubscribeWebhooksFunctionTest.DEFAULT_EVENTS_JSON, "whsec_******");
        List<String> githubTypes = FunctionCalls.githubTypes();
        String manage = "/api/v3.1/trigger_instances/manage/ti_Commit1";

        composio.stubFor(get(urlPathEqualTo("/api/v3.1/triggers_types/GITHUB_COMMIT_EVENT"))
                .willReturn(okJson(FunctionCalls.resource("triggers/type-github-commit-event.json"))));
        composio.stubFor(get(urlPathEqualTo("/api/v3.1/triggers_types"))
                .willReturn(okJson(FunctionCalls.typesPage(null, 1, 1, githubTypes.size(), githubTypes))));
        composio.stubFor(post(urlPathEqualTo("/api/v3.1/trigger_instances/GITHUB_COMMIT_EVENT/upsert"))
                .willReturn(okJson(FunctionCalls.upserted("ti_Explicit")).withStatus(201)));
        composio.stubFor(get(urlPathEqualTo("/api/v3.1/trigger_instances/active"))
                .willReturn(okJson(FunctionCalls.resource("triggers/trigger-instances-page-2.json"))));
        composio.stubFor(patch(urlPathEqualTo(manage)).willReturn(okJson("{\"status\":\"success\"}")));
        composio.stubFor(delete(urlPathEqualTo(manage)).willReturn(okJson("{\"trigger_id\":\"ti_Commit1\"}")));

        composio.stubFor(post(urlPathEqualTo(ComposioEndpoints.ENDPOINTS)).willReturn(okJson(endpoint)));
        composio.stubFor(get(urlPathEqualTo(ComposioEndpoints.ENDPOINTS)).willReturn(okJson(
                "{\"items\":[{\"id\":\"" + ENDPOINT_ID + "\",\"toolkit_slug\":\"slack\",\"client_id\":\"" + CLIENT_ID + "\"}]}")));
        composio.stubFor(get(urlPathEqualTo(ComposioEndpoints.SCHEMA)).willReturn(okJson(ComposioEndpoints.SLACK_SCHEMA)));
        composio.stubFor(get(urlPathEqualTo(ComposioEndpoints.ENDPOINT)).willReturn(okJson(endpoint)));
        composio.stubFor(patch(urlPathEqualTo(ComposioEndpoints.ENDPOINT)).willReturn(okJson(endpoint)));

        composio.stubFor(get(urlPathEqualTo("/api/v3.1/webhook_subscriptions")).willReturn(okJson(
                "{\"items\":[" + subscription + "],\"next_cursor\":null}")));
        // Anything else is a case that drifted from the functions' calls: say so rather than time out.
        composio.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(418).withBody("no stub in EveryExportIT")));
    }
}
