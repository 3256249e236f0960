package io.ctf.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.ctf.composio.InjectWireMock;
import io.ctf.composio.WireMockComposio;
import io.ctf.endpoint.EndpointFunctions;
import io.ctf.endpoint.ProvisionEndpointFunction;
import io.ctf.subscription.SubscribeWebhooksFunction;
import io.ctf.trigger.CreateTriggerFunction;
import io.ctf.trigger.ManageTriggersFunctions;
import io.ctf.trigger.TriggerTypeFunctions;
import io.ctf.webhook.Fixtures;
import io.ctf.webhook.ReceiveWebhookFunction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every function, every field, every JSON type that field does not take: an {@link InvalidInput}
 * naming the field, and not one request to Composio. The functions are called as Funqy calls them,
 * with the invocation's JSON, so each one's own reading is what is tested.
 */
@QuarkusTest
@QuarkusTestResource(WireMockComposio.class)
class StrictInputsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The kinds of field, each with JSON values of other types (and the field an error names for each). */
    enum Kind {
        STRING("12", "1.5", "true", "[\"x\"]", "{\"a\":\"b\"}"),
        BOOLEAN("\"true\"", "1", "0", "[true]", "{\"a\":true}"),
        NUMBER("\"5\"", "2.5", "true", "[5]", "{\"a\":5}"),
        OBJECT("\"x\"", "5", "true", "[\"x\"]"),
        /** A list of strings; a single string is documented as a one-item list, so only other types are wrong. */
        LIST("5", "true", "{\"a\":\"b\"}", "[7]", "[true]", "[[\"x\"]]", "[{\"a\":\"b\"}]");

        final List<String> wrong;

        Kind(String... wrong) {
            this.wrong = List.of(wrong);
        }
    }

    record Field(String function, String valid, String path, Kind kind) {
    }

    static final String GATEWAY_EVENT = Fixtures.signedEvent(Fixtures.FIXTURE_SECRET, "msg_strict", 1_700_000_000L, "{}").toString();

    static final List<Field> FIELDS = List.of(
            new Field("createTrigger", "{\"slug\":\"GITHUB_COMMIT_EVENT\",\"user_id\":\"u\"}", "slug", Kind.STRING),
            new Field("createTrigger", "{\"slug\":\"GITHUB_COMMIT_EVENT\"}", "user_id", Kind.STRING),
            new Field("createTrigger", "{\"slug\":\"GITHUB_COMMIT_EVENT\"}", "connected_account_id", Kind.STRING),
            new Field("createTrigger", "{\"slug\":\"GITHUB_COMMIT_EVENT\",\"user_id\":\"u\"}", "trigger_config", Kind.OBJECT),
            new Field("createTrigger", "{\"slug\":\"GITHUB_COMMIT_EVENT\",\"user_id\":\"u\"}", "toolkit_version", Kind.STRING),
            new Field("createTrigger", "{\"slug\":\"GITHUB_COMMIT_EVENT\",\"user_id\":\"u\"}", "dry_run", Kind.BOOLEAN),

            new Field("listTriggers", "{}", "user_id", Kind.STRING),
            new Field("listTriggers", "{}", "user_ids", Kind.LIST),
            new Field("listTriggers", "{}", "connected_account_ids", Kind.LIST),
            new Field("listTriggers", "{}", "trigger_ids", Kind.LIST),
            new Field("listTriggers", "{}", "slugs", Kind.LIST),
            new Field("listTriggers", "{}", "include_disabled", Kind.BOOLEAN),
            new Field("listTriggers", "{}", "cursor", Kind.STRING),

            new Field("enableTrigger", "{}", "trigger_id", Kind.STRING),
            new Field("disableTrigger", "{}", "trigger_id", Kind.STRING),
            new Field("deleteTrigger", "{}", "trigger_id", Kind.STRING),

            new Field("getTriggerType", "{}", "slug", Kind.STRING),
            new Field("getTriggerType", "{\"slug\":\"GITHUB_COMMIT_EVENT\"}", "toolkit_version", Kind.STRING),

            new Field("listTriggerTypes", "{\"toolkit_slugs\":[\"github\"]}", "toolkit_slug", Kind.STRING),
            new Field("listTriggerTypes", "{}", "toolkit_slugs", Kind.LIST),
            new Field("listTriggerTypes", "{\"toolkit_slug\":\"github\"}", "cursor", Kind.STRING),
            new Field("listTriggerTypes", "{\"toolkit_slug\":\"github\"}", "limit", Kind.NUMBER),

            new Field("provisionEndpoint", "{\"client_id\":\"c1\"}", "toolkit_slug", Kind.STRING),
            new Field("provisionEndpoint", "{\"toolkit_slug\":\"slack\"}", "client_id", Kind.STRING),
            new Field("provisionEndpoint", "{\"toolkit_slug\":\"slack\",\"client_id\":\"c1\"}", "data", Kind.OBJECT),
            new Field("provisionEndpoint", "{\"toolkit_slug\":\"slack\",\"client_id\":\"c1\",\"data\":{}}",
                    "data.webhook_signing_secret", Kind.STRING),
            new Field("provisionEndpoint", "{\"toolkit_slug\":\"slack\",\"client_id\":\"c1\",\"data\":{\"app_token\":\"t\"}}",
                    "replace", Kind.BOOLEAN),

            new Field("getEndpoint", "{}", "id", Kind.STRING),
            new Field("listEndpoints", "{}", "toolkit_slug", Kind.STRING),

            new Field("rotateEndpointSecret", "{\"field\":\"app_token\",\"value\":\"t\"}", "id", Kind.STRING),
            new Field("rotateEndpointSecret", "{\"id\":\"we_1\",\"value\":\"t\"}", "field", Kind.STRING),
            new Field("rotateEndpointSecret", "{\"id\":\"we_1\",\"field\":\"app_token\"}", "value", Kind.STRING),
            new Field("rotateEndpointSecret", "{\"id\":\"we_1\"}", "data", Kind.OBJECT),
            new Field("rotateEndpointSecret", "{\"id\":\"we_1\",\"data\":{}}", "data.app_token", Kind.STRING),

            new Field("subscribeWebhooks", "{}", "webhook_url", Kind.STRING),
            new Field("subscribeWebhooks", "{\"webhook_url\":\"https://example.com/webhook\"}", "events", Kind.LIST),
            new Field("subscribeWebhooks", "{\"webhook_url\":\"https://example.com/webhook\"}", "rotate_secret", Kind.BOOLEAN),

            new Field("receiveWebhook", GATEWAY_EVENT, "version", Kind.STRING),
            new Field("receiveWebhook", GATEWAY_EVENT, "rawPath", Kind.STRING),
            new Field("receiveWebhook", GATEWAY_EVENT, "body", Kind.STRING),
            new Field("receiveWebhook", GATEWAY_EVENT, "isBase64Encoded", Kind.BOOLEAN),
            new Field("receiveWebhook", GATEWAY_EVENT, "headers", Kind.OBJECT),
            new Field("receiveWebhook", GATEWAY_EVENT, "headers.webhook-id", Kind.STRING),
            new Field("receiveWebhook", GATEWAY_EVENT, "headers.webhook-signature", Kind.STRING),
            new Field("receiveWebhook", GATEWAY_EVENT, "requestContext.http", Kind.OBJECT),
            new Field("receiveWebhook", GATEWAY_EVENT, "requestContext.http.method", Kind.STRING),
            new Field("receiveWebhook", GATEWAY_EVENT, "requestContext.requestId", Kind.STRING));

    @InjectWireMock
    WireMockServer composio;

    @Inject
    CreateTriggerFunction createTrigger;
    @Inject
    ManageTriggersFunctions manageTriggers;
    @Inject
    TriggerTypeFunctions triggerTypes;
    @Inject
    ProvisionEndpointFunction provisionEndpoint;
    @Inject
    EndpointFunctions endpoints;
    @Inject
    SubscribeWebhooksFunction subscribeWebhooks;
    @Inject
    ReceiveWebhookFunction receiveWebhook;

    @BeforeEach
    void freshComposio() {
        composio.resetAll();
    }

    /** Each function by its exported name, taking the invocation's JSON as Funqy hands it over. */
    Map<String, Function<JsonNode, Object>> functions() {
        return Map.ofEntries(
                Map.entry("createTrigger", createTrigger::createTrigger),
                Map.entry("listTriggers", manageTriggers::listTriggers),
                Map.entry("enableTrigger", manageTriggers::enableTrigger),
                Map.entry("disableTrigger", manageTriggers::disableTrigger),
                Map.entry("deleteTrigger", manageTriggers::deleteTrigger),
                Map.entry("getTriggerType", triggerTypes::getTriggerType),
                Map.entry("listTriggerTypes", triggerTypes::listTriggerTypes),
                Map.entry("provisionEndpoint", provisionEndpoint::provisionEndpoint),
                Map.entry("getEndpoint", endpoints::getEndpoint),
                Map.entry("listEndpoints", endpoints::listEndpoints),
                Map.entry("rotateEndpointSecret", endpoints::rotateEndpointSecret),
                Map.entry("subscribeWebhooks", subscribeWebhooks::subscribeWebhooks),
                Map.entry("receiveWebhook", receiveWebhook::receiveWebhook));
    }

    static Stream<Arguments> wrongTypes() {
        List<Arguments> cases = new ArrayList<>();
        for (Field field : FIELDS) {
            for (String wrong : field.kind().wrong) {
                // A wrong item of a list is named by its index.
                String named = field.kind() == Kind.LIST && wrong.startsWith("[") ? field.path() + "[0]" : field.path();
                cases.add(arguments(field.function(), field.path() + " = " + wrong, with(field.valid(), field.path(), wrong), named));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("wrongTypes")
    void aValueOfTheWrongTypeIsInvalidInputNamingTheFieldAndNothingIsSent(String function, String change, JsonNode input,
                                                                          String named) {
        assertThatThrownBy(() -> functions().get(function).apply(input))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("'" + named + "' has the wrong type: expected ");
        composio.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void everyFunctionIsInTheTable() {
        assertThat(FIELDS.stream().map(Field::function).distinct()).containsExactlyInAnyOrderElementsOf(functions().keySet());
    }

    @Test
    void theValidInputsOfTheTableAreReadWithoutComplaintAboutTypes() {
        // Otherwise a row could pass for the wrong reason. Calls after the reading may fail (WireMock has no stubs).
        for (Field field : FIELDS) {
            try {
                functions().get(field.function()).apply(with(field.valid(), field.path(), field.kind() == Kind.BOOLEAN ? "true"
                        : field.kind() == Kind.NUMBER ? "5" : field.kind() == Kind.OBJECT ? "{}" : "\"x\""));
            } catch (InvalidInput e) {
                assertThat(e.getMessage()).as(field.toString()).doesNotContain("has the wrong type");
            } catch (RuntimeException beyondTheReading) {
                // reached Composio or the store: the input was read
            }
        }
    }

    @Test
    void receiveWebhookGivenSomethingElseThanAGatewayEventSaysWhatItTakes() throws Exception {
        for (String input : List.of("\"hello\"", "[1]", "{}", "{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\"}",
                "{\"requestContext\":\"x\",\"headers\":{}}")) {
            assertThatThrownBy(() -> receiveWebhook.receiveWebhook(JSON.readTree(input)))
                    .as(input)
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageStartingWith("receiveWebhook takes the API Gateway HTTP API event (payload format 2.0)")
                    .hasMessageContaining("'requestContext'");
        }
    }

    /** {@code valid} with the field at {@code path} (dots between names) set to {@code value}. */
    static JsonNode with(String valid, String path, String value) {
        try {
            ObjectNode input = (ObjectNode) JSON.readTree(valid);
            String[] names = path.split("\\.");
            ObjectNode parent = input;
            for (int i = 0; i < names.length - 1; i++) {
                parent = parent.has(names[i]) ? (ObjectNode) parent.get(names[i]) : parent.putObject(names[i]);
            }
            parent.set(names[names.length - 1], JSON.readTree(value));
            return input;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
