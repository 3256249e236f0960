package io.ctf.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.ctf.composio.InjectWireMock;
import io.ctf.composio.WireMockComposio;
import io.ctf.lambda.LogCapture;
import io.ctf.webhook.Fixtures;
import io.ctf.webhook.inbox.DynamoDbLocalInbox;
import io.ctf.webhook.inbox.InboxTable;
import io.ctf.webhook.inbox.InjectInbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.ctf.webhook.Fixtures.FIXTURE_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The local loop over real HTTP, as a user (or Composio through a tunnel) drives it: the same server
 * dev mode starts, enabled here on a free port, with the inbox on a DynamoDB Local and Composio on
 * WireMock.
 */
@QuarkusTest
@TestProfile(LocalLoopTest.LocalLoop.class)
@QuarkusTestResource(DynamoDbLocalInbox.class)
@QuarkusTestResource(WireMockComposio.class)
class LocalLoopTest {

    /** What {@code %dev} sets: the loop on a free port, the Lambda event server on the test port. */
    public static class LocalLoop implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            var overrides = new java.util.HashMap<>(DevEventServerConfig.overrides());
            overrides.put("local.http.enabled", "true");
            overrides.put("local.http.port", "0");
            return overrides;
        }
    }

    static final String API_KEY = "test-api-key-never-logged";
    /** What API Gateway's HTTP API answers a request over its 10 MB limit. */
    static final String API_GATEWAY_413 = "{\"message\":\"Request Entity Too Large\"}";
    static final String GITHUB_TYPE = "/api/v3.1/triggers_types/GITHUB_COMMIT_EVENT";
    static final String GITHUB_UPSERT = "/api/v3.1/trigger_instances/GITHUB_COMMIT_EVENT/upsert";
    static final LogCapture console = new LogCapture();

    final HttpClient http = HttpClient.newHttpClient();

    @Inject
    LocalHttpServer server;

    @Inject
    LambdaEventServer eventServer;

    @InjectInbox
    InboxTable inbox;

    @InjectWireMock
    WireMockServer composio;

    @BeforeAll
    static void watchTheConsole() {
        console.install();
    }

    @AfterAll
    static void theConsoleNeverShowedASecret() {
        console.uninstall();
        assertThat(console.all()).isNotEmpty().doesNotContain(API_KEY).doesNotContain(FIXTURE_SECRET);
    }

    @BeforeEach
    void emptyInboxAndComposio() {
        inbox.clear();
        composio.resetAll();
    }

    // --- POST /webhook: deliveries as Composio sends them ----------------------------------

    @Test
    void aSignedDeliveryIsStoredAndAnsweredWithReceiveWebhooksReceipt() throws Exception {
        String body = delivery("evt_1", "ti_1");
        HttpResponse<String> answer = deliver("msg_local_1", body, FIXTURE_SECRET, "application/json");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(answer.body())
                .isEqualTo("{\"id\":\"msg_local_1\",\"version\":\"V3\",\"type\":\"composio.trigger.message\",\"duplicate\":false}");
        var item = inbox.item("msg_local_1");
        assertThat(item.get("payload").s()).isEqualTo(body);
        assertThat(item.get("trigger_id").s()).isEqualTo("ti_1");
        assertThat(console.all()).as("the dev console shows the stored event, payload indented")
                .contains("event msg_local_1 V3 composio.trigger.message, trigger GITHUB_COMMIT_EVENT ti_1, toolkit github, user user-1")
                .contains("\"repository\": \"octo/hello\"");
    }

    @Test
    void theSameDeliveryTwiceIsStoredOnce() throws Exception {
        String body = delivery("evt_2", "ti_2");
        deliver("msg_local_2", body, FIXTURE_SECRET, "application/json");
        HttpResponse<String> again = deliver("msg_local_2", body, FIXTURE_SECRET, "application/json");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"duplicate\":true");
        assertThat(inbox.count()).isEqualTo(1);
    }

    @Test
    void aForgedDeliveryIs401AndNothingIsStored() throws Exception {
        HttpResponse<String> answer = deliver("msg_forged", delivery("evt_3", "ti_3"), "not-the-secret", "application/json");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("{\"error\":\"no valid signature\"}");
        assertThat(inbox.count()).isZero();
        assertThat(console.all()).contains("delivery msg_forged refused: 401 no valid signature");
    }

    @Test
    void aBinaryBodyReachesReceiveWebhookBase64EncodedAndStillVerifies() throws Exception {
        String body = delivery("evt_4", "ti_4");
        HttpResponse<String> answer = deliver("msg_binary", body, FIXTURE_SECRET, "application/octet-stream");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(inbox.item("msg_binary").get("payload").s()).isEqualTo(body);
    }

    @Test
    void aDeliveryOverTenMegabytesGetsApiGatewaysAnswer() throws Exception {
        String body = "{\"x\":\"" + "a".repeat(11 * 1024 * 1024) + "\"}";
        HttpResponse<String> answer = deliver("msg_huge", body, FIXTURE_SECRET, "application/json");

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(answer.body()).isEqualTo(API_GATEWAY_413);
        assertThat(inbox.count()).isZero();
        assertThat(console.all()).contains("delivery msg_huge refused: 413");
    }

    @Test
    void curlSendingOverTenMegabytesReadsTheWholeAnswer() throws Exception {
        assumeTrue(onPath("curl"), "needs curl");
        // curl reads the answer while it still uploads (as Composio's senders may): the server has to
        // take the rest of the body, or closing on it resets the connection and the answer is lost.
        Path big = Files.createTempFile("delivery", ".json");
        try {
            Files.writeString(big, "{\"x\":\"" + "a".repeat(11 * 1024 * 1024) + "\"}");
            for (int i = 0; i < 3; i++) {
                Run curl = run(new ProcessBuilder("curl", "-sS", "-w", "\n%{http_code}", "-X", "POST",
                        "-H", "content-type: application/json", "--data-binary", "@" + big, url("/webhook").toString()));

                assertThat(curl.exit()).as(curl.output()).isZero();
                assertThat(curl.output()).isEqualTo(API_GATEWAY_413 + "\n413");
            }
        } finally {
            Files.delete(big);
        }
    }

    @Test
    void theLocalLoopListensOnTheLoopbackAddressOnly() throws Exception {
        assertThat(server.address().isLoopbackAddress()).as(server.address().toString()).isTrue();
        var other = BoundAddresses.nonLoopback();
        assumeTrue(other.isPresent(), "this machine has no interface but the loopback one");
        assertThat(BoundAddresses.accepts(other.get(), server.port())).as("reachable on " + other.get()).isFalse();
    }

    @Test
    void theLambdaEventServerListensOnTheLoopbackAddressOnly() throws Exception {
        // Quarkus 3.34.2's own mock event server listens on every interface: dev mode runs this one instead.
        assertThat(eventServer.host()).isEqualTo("127.0.0.1");
        assertThat(BoundAddresses.accepts(InetAddress.getLoopbackAddress(), eventServer.port())).isTrue();
        var other = BoundAddresses.nonLoopback();
        assumeTrue(other.isPresent(), "this machine has no interface but the loopback one");
        assertThat(BoundAddresses.accepts(other.get(), eventServer.port())).as("reachable on " + other.get()).isFalse();
    }

    @Test
    void aLambdaWrappedDeliveryRunsThroughTheExportedFunction() throws Exception {
        assumeTrue(onPath("curl") && onPath("openssl") && onPath("python3"), "the sample delivery script needs curl, openssl and python3");
        // The docs' way (scripts/send-sample-delivery.sh --lambda): an API Gateway event posted to the
        // event server, answered by receiveWebhook through the poll loop polling that server.
        Run run = script(java.util.List.of("bash", "scripts/send-sample-delivery.sh", "--lambda", "msg_lambda_1"));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("\"statusCode\":200").contains("msg_lambda_1");
        assertThat(inbox.item("msg_lambda_1").get("trigger_id").s()).isEqualTo("ti_sample");
    }

    @Test
    void otherMethodsGetReceiveWebhooks405() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(url("/webhook")).GET());

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().firstValue("allow")).hasValue("POST");
    }

    // --- GET /inbox ------------------------------------------------------------------------

    @Test
    void theInboxListsStoredEventsNewestFirst() throws Exception {
        deliver("msg_older", delivery("evt_5", "ti_5"), FIXTURE_SECRET, "application/json");
        Thread.sleep(5); // received_at has millisecond precision
        deliver("msg_newer", delivery("evt_6", "ti_6"), FIXTURE_SECRET, "application/json");

        JsonNode all = json(send(HttpRequest.newBuilder(url("/inbox")).GET()), 200);
        assertThat(all.path("events")).extracting(e -> e.path("id").asText()).containsExactly("msg_newer", "msg_older");
        JsonNode newest = all.path("events").get(0);
        assertThat(newest.path("trigger_id").asText()).isEqualTo("ti_6");
        assertThat(newest.path("received_at").asText()).isNotEmpty();
        assertThat(newest.path("payload").path("data").path("repository").asText()).isEqualTo("octo/hello");

        JsonNode limited = json(send(HttpRequest.newBuilder(url("/inbox?limit=1")).GET()), 200);
        assertThat(limited.path("events")).hasSize(1);
        JsonNode one = json(send(HttpRequest.newBuilder(url("/inbox/msg_older")).GET()), 200);
        assertThat(one.path("id").asText()).isEqualTo("msg_older");
        assertThat(one.path("payload").path("metadata").path("trigger_id").asText()).isEqualTo("ti_5");
    }

    @Test
    void anUnknownEventIs404AndABadLimit400() throws Exception {
        assertThat(send(HttpRequest.newBuilder(url("/inbox/msg_none")).GET()).statusCode()).isEqualTo(404);
        assertThat(json(send(HttpRequest.newBuilder(url("/inbox?limit=zero")).GET()), 400).path("error").asText())
                .contains("'limit'");
    }

    // --- /functions ------------------------------------------------------------------------

    @Test
    void createTriggerRunsAgainstComposioAndAnswersWithTheTrigger() throws Exception {
        composio.stubFor(get(urlPathEqualTo(GITHUB_TYPE)).willReturn(okJson(resource("/composio/triggers/type-github-commit-event.json"))));
        composio.stubFor(post(urlPathEqualTo(GITHUB_UPSERT)).willReturn(okJson(
                "{\"trigger_id\":\"ti_Local\",\"deprecated\":{\"uuid\":\"7d3e4b8a-0c1f-4e55-9a61-1b2c3d4e5f60\"}}").withStatus(201)));

        JsonNode created = json(call("createTrigger", """
                {"slug":"GITHUB_COMMIT_EVENT","connected_account_id":"ca_Given","trigger_config":{"owner":"acme","repo":"api"}}"""), 200);

        assertThat(created.path("trigger_id").asText()).isEqualTo("ti_Local");
        assertThat(created.path("connected_account_id").asText()).isEqualTo("ca_Given");
        assertThat(created.path("created").asBoolean()).isTrue();
        composio.verify(postRequestedFor(urlPathEqualTo(GITHUB_UPSERT)).withHeader("x-api-key", equalTo(API_KEY))
                .withRequestBody(equalToJson("{\"connected_account_id\":\"ca_Given\",\"trigger_config\":{\"owner\":\"acme\",\"repo\":\"api\"}}")));
    }

    @Test
    void anInvalidInputIs400WithLambdasErrorShape() throws Exception {
        JsonNode error = json(call("createTrigger", "{\"user_id\":\"user-1\"}"), 400);

        assertThat(error.path("errorType").asText()).isEqualTo("io.ctf.lambda.InvalidInput");
        assertThat(error.path("errorMessage").asText()).contains("'slug'");
    }

    @Test
    void composioFailingIs5xxAndTheKeyNeverShows() throws Exception {
        // A trigger type no other test reads, so createTrigger's cache of types cannot answer for Composio.
        composio.stubFor(get(urlPathEqualTo("/api/v3.1/triggers_types/SLACK_RECEIVE_MESSAGE")).willReturn(aResponse().withStatus(401)
                .withHeader("content-type", "application/json")
                .withBody("{\"error\":{\"message\":\"Invalid API key\",\"code\":401,\"slug\":\"Auth_InvalidApiKey\",\"status\":401}}")));

        HttpResponse<String> answer = call("createTrigger", """
                {"slug":"SLACK_RECEIVE_MESSAGE","user_id":"user-1","trigger_config":{}}""");

        JsonNode error = json(answer, 502);
        assertThat(error.path("errorType").asText()).isEqualTo("io.ctf.composio.ComposioAuthenticationFailed");
        assertThat(answer.body()).doesNotContain(API_KEY);
    }

    @Test
    void aBodyThatIsNotJsonIs400BeforeAnyFunctionRuns() throws Exception {
        JsonNode error = json(call("listTriggers", "{not json"), 400);

        assertThat(error.path("errorType").asText()).isEqualTo("InvalidRequestContentException");
    }

    @Test
    void everyFunctionIsListedAndAnUnknownNameIs404ListingThem() throws Exception {
        JsonNode listed = json(send(HttpRequest.newBuilder(url("/functions")).GET()), 200);
        assertThat(names(listed.path("functions"))).contains("receiveWebhook", "createTrigger", "listTriggers",
                "provisionEndpoint", "subscribeWebhooks");

        JsonNode unknown = json(call("createTrigge", "{}"), 404);
        assertThat(unknown.path("error").asText()).contains("createTrigge");
        assertThat(names(unknown.path("functions"))).isEqualTo(names(listed.path("functions")));
    }

    // --- the docs' quick start ----------------------------------------------------------------

    @Test
    void theQuickStartScriptDoesWhatTheDocsSay() throws Exception {
        assumeTrue(onPath("curl") && onPath("openssl"), "the quick start needs curl and openssl");
        Run run = script(java.util.List.of("bash", "scripts/quickstart.sh"));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("quick start: all 7 steps did what the docs say").doesNotContain(FIXTURE_SECRET);
        assertThat(inbox.count()).as("one stored, the duplicate and the forgery not").isEqualTo(1);
    }

    /** The {@code $ scripts/send-sample-delivery.sh ...} lines of docs/local.md's section on the script, each with its output. */
    @Test
    void theSampleScriptSendsTheFixturesAsTheDocsSay() throws Exception {
        assumeTrue(onPath("curl") && onPath("openssl") && onPath("python3"), "the script needs curl, openssl and python3 for fixtures");
        String section = Files.readString(Path.of("docs/local.md")).split("## The sample delivery script", 2)[1].split("\n## ", 2)[0];
        java.util.regex.Matcher example = java.util.regex.Pattern
                .compile("(?m)^\\$ scripts/send-sample-delivery\\.sh (.+)\\n(.+)$").matcher(section);
        int examples = 0;
        while (example.find()) {
            examples++;
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("bash", "scripts/send-sample-delivery.sh"));
            command.addAll(java.util.List.of(example.group(1).trim().split("\\s+")));
            Run run = script(command);
            assertThat(run.exit()).as(run.output()).isZero();
            assertThat(run.output().strip()).as(String.join(" ", command)).isEqualTo(example.group(2).strip());

            String fixture = command.get(command.size() - 1);
            String id = Fixtures.JSON.readTree(example.group(2).substring(4)).path("id").asText();
            assertThat(inbox.item(id).get("payload").s()).as("the fixture's payload is the stored body")
                    .isEqualTo(Fixtures.JSON.readTree(Files.readString(Path.of(fixture))).path("payload").asText());
        }
        assertThat(examples).as("examples in docs/local.md's section on the script").isEqualTo(3);
        assertThat(inbox.count()).isEqualTo(3);
    }

    @Test
    void theSampleScriptRefusesTheSignatureTestCases() throws Exception {
        assumeTrue(onPath("curl") && onPath("openssl") && onPath("python3"), "the script needs curl, openssl and python3 for fixtures");
        Run run = script(java.util.List.of("bash", "scripts/send-sample-delivery.sh",
                "src/test/resources/webhook-fixtures/golden-signatures.json"));

        assertThat(run.exit()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("holds signature test cases, not a delivery");
        assertThat(inbox.count()).isZero();
    }

    record Run(int exit, String output) {
    }

    /** One of scripts/, pointed at this test's local loop and Lambda event server, signing with the fixtures' secret. */
    Run script(java.util.List<String> command) throws Exception {
        ProcessBuilder script = new ProcessBuilder(command);
        script.environment().put("LOCAL_URL", "http://localhost:" + server.port());
        script.environment().put("LAMBDA_URL", "http://localhost:" + eventServer.port());
        script.environment().put("SECRET", FIXTURE_SECRET);
        script.environment().remove("COMPOSIO_WEBHOOK_SECRET");
        return run(script);
    }

    /** Runs a process to its end (within a minute), its output and errors together. */
    static Run run(ProcessBuilder process) throws Exception {
        Process run = process.redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return new Run(run.exitValue(), output);
    }

    static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    // --- helpers ---------------------------------------------------------------------------

    static String delivery(String eventId, String triggerId) {
        return "{\"id\":\"" + eventId + "\",\"timestamp\":\"2026-11-23T12:00:00Z\",\"type\":\"composio.trigger.message\","
                + "\"metadata\":{\"log_id\":\"log_1\",\"trigger_slug\":\"GITHUB_COMMIT_EVENT\",\"trigger_id\":\"" + triggerId + "\","
                + "\"connected_account_id\":\"ca_1\",\"auth_config_id\":\"ac_1\",\"user_id\":\"user-1\",\"toolkit\":\"github\"},"
                + "\"data\":{\"repository\":\"octo/hello\",\"message\":\"Sample commit\"}}";
    }

    /** A delivery as Composio sends it: its three webhook headers and the raw body, signed with {@code secret}. */
    HttpResponse<String> deliver(String id, String body, String secret, String contentType) throws Exception {
        long now = Instant.now().getEpochSecond();
        return send(HttpRequest.newBuilder(url("/webhook"))
                .header("content-type", contentType)
                .header("user-agent", "Composio-Webhook/1.0")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", Fixtures.sign(secret, id, now, body))
                .header("x-composio-webhook-version", "V3")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    HttpResponse<String> call(String function, String input) throws Exception {
        return send(HttpRequest.newBuilder(url("/functions/" + function))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(input)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI url(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    static JsonNode json(HttpResponse<String> answer, int status) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("content-type")).hasValue("application/json");
        return Fixtures.JSON.readTree(answer.body());
    }

    static java.util.List<String> names(JsonNode array) {
        var names = new java.util.ArrayList<String>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    static String resource(String path) {
        try (InputStream in = LocalLoopTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
