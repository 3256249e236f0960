package io.ctf.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * An EventBridge for tests: WireMock answering PutEvents in EventBridge's JSON 1.1 protocol
 * ({@code POST /}, {@code X-Amz-Target: AWSEvents.PutEvents}). It enforces EventBridge's limits:
 * a request of more than 10 entries, or with an entry over 256 KB (sized as EventBridge sizes it),
 * is refused whole with a {@code ValidationException}, so a test cannot pass by breaking them.
 * It can fail chosen entries ({@code InternalFailure}) or be down (HTTP 500 to every request).
 * <p>
 * In a {@code @QuarkusTest}: {@code @QuarkusTestResource(EventBridgeStandIn.Resource.class)} and a
 * field {@code EventBridgeStandIn eventBridge} (injected). The SDK finds it through its standard
 * {@code aws.endpointUrlEventBridge} system property, the equivalent of {@code AWS_ENDPOINT_URL_EVENTBRIDGE}.
 */
public class EventBridgeStandIn {

    public static final String BUS = "composio-events-test";
    public static final String SDK_ENDPOINT_PROPERTY = "aws.endpointUrlEventBridge";
    static final String JSON_11 = "application/x-amz-json-1.1";
    static final int MAX_ENTRIES = 10;
    static final int MAX_ENTRY_BYTES = 256 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;
    private final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
    private final List<Integer> requestSizes = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final Set<String> failingIds = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean down = new AtomicBoolean();

    public EventBridgeStandIn() {
        server = new WireMockServer(options().dynamicPort().extensions(new PutEvents()));
    }

    public EventBridgeStandIn start() {
        server.start();
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withTransformers(PutEvents.NAME)));
        return this;
    }

    public void stop() {
        server.stop();
    }

    public String url() {
        return server.baseUrl();
    }

    /** Forgets everything received and heals every failure. */
    public void reset() {
        accepted.clear();
        requestSizes.clear();
        refusals.clear();
        failingIds.clear();
        down.set(false);
        server.resetRequests();
    }

    /** Entries whose {@code detail.id} is one of {@code ids} fail with {@code InternalFailure}. */
    public void failEntriesOf(String... ids) {
        failingIds.addAll(List.of(ids));
    }

    /** Every request is answered HTTP 500 {@code InternalException} (the SDK retries, then gives up). */
    public void goDown() {
        down.set(true);
    }

    /** Every entry EventBridge accepted, in the order received, as sent ({@code Source}, {@code Detail}, ...). */
    public List<JsonNode> acceptedEntries() {
        return List.copyOf(accepted);
    }

    /** Each accepted entry's {@code Detail}, parsed. */
    public List<JsonNode> acceptedDetails() {
        List<JsonNode> details = new ArrayList<>();
        for (JsonNode entry : accepted) {
            details.add(parse(entry.path("Detail").asText()));
        }
        return details;
    }

    /** Number of entries of each PutEvents received (refused ones included), in order. */
    public List<Integer> requestSizes() {
        return List.copyOf(requestSizes);
    }

    /** The ValidationException messages sent back: a test expects none. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** Every HTTP request received, PutEvents or not. */
    public int httpRequests() {
        return server.getAllServeEvents().size();
    }

    /** EventBridge's entry size: Time 14 bytes, the UTF-8 bytes of Source, DetailType, Detail and each Resource. */
    static int entrySize(JsonNode entry) {
        int size = entry.has("Time") ? 14 : 0;
        size += utf8(entry.path("Source").asText("")) + utf8(entry.path("DetailType").asText("")) + utf8(entry.path("Detail").asText(""));
        for (JsonNode resource : entry.path("Resources")) {
            size += utf8(resource.asText());
        }
        return size;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    private final class PutEvents implements ResponseDefinitionTransformerV2 {

        static final String NAME = "eventbridge-put-events";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            var request = event.getRequest();
            if (!"AWSEvents.PutEvents".equals(request.getHeader("X-Amz-Target"))) {
                return error(400, "UnknownOperationException", "not PutEvents: " + request.getHeader("X-Amz-Target"));
            }
            if (!request.getHeader("Content-Type").startsWith(JSON_11)) {
                return error(400, "SerializationException", "content type " + request.getHeader("Content-Type"));
            }
            JsonNode entries = parse(request.getBodyAsString()).path("Entries");
            requestSizes.add(entries.size());
            if (down.get()) {
                return error(500, "InternalException", "the stand-in is down");
            }
            if (entries.size() < 1 || entries.size() > MAX_ENTRIES) {
                return validation("1 validation error detected: Value at 'entries' failed to satisfy constraint:"
                        + " Member must have length less than or equal to 10");
            }
            for (JsonNode entry : entries) {
                for (String required : List.of("Source", "DetailType", "Detail", "EventBusName")) {
                    if (!entry.path(required).isTextual()) {
                        return validation("entry without " + required);
                    }
                }
                if (entrySize(entry) > MAX_ENTRY_BYTES) {
                    return validation("Total size of the entries in the request is over the limit.");
                }
                if (!parse(entry.get("Detail").asText()).isObject()) {
                    return validation("Detail is not a JSON object");
                }
            }
            ArrayNode results = JSON.createArrayNode();
            int failed = 0;
            for (JsonNode entry : entries) {
                String id = parse(entry.get("Detail").asText()).path("id").asText();
                ObjectNode result = results.addObject();
                if (failingIds.contains(id)) {
                    failed++;
                    result.put("ErrorCode", "InternalFailure").put("ErrorMessage", "the stand-in fails " + id);
                } else {
                    accepted.add(entry);
                    result.put("EventId", UUID.randomUUID().toString());
                }
            }
            ObjectNode body = JSON.createObjectNode().put("FailedEntryCount", failed);
            body.set("Entries", results);
            return answer(200, body.toString());
        }

        private ResponseDefinition validation(String message) {
            refusals.add(message);
            return error(400, "ValidationException", message);
        }

        private ResponseDefinition error(int status, String type, String message) {
            return answer(status, JSON.createObjectNode().put("__type", type).put("message", message).toString());
        }

        private ResponseDefinition answer(int status, String body) {
            return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", JSON_11)
                    .withHeader("x-amzn-RequestId", UUID.randomUUID().toString()).withBody(body).build();
        }
    }

    /** The stand-in for a {@code @QuarkusTest}: started with the application, its endpoint and bus configured. */
    public static class Resource implements QuarkusTestResourceLifecycleManager {

        private EventBridgeStandIn standIn;

        @Override
        public Map<String, String> start() {
            standIn = new EventBridgeStandIn().start();
            // The SDK's own endpoint override and credentials chain, as a deployment would set them.
            System.setProperty(SDK_ENDPOINT_PROPERTY, standIn.url());
            System.setProperty("aws.accessKeyId", "AKIDEVENTSTEST");
            System.setProperty("aws.secretAccessKey", "events-test-secret");
            return Map.of(
                    "event.bus-name", BUS,
                    "event.region", "eu-west-1",
                    // An outage is declared within seconds.
                    "event.timeout", "3s");
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(standIn, new TestInjector.MatchesType(EventBridgeStandIn.class));
        }

        @Override
        public void stop() {
            System.clearProperty(SDK_ENDPOINT_PROPERTY);
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
            if (standIn != null) {
                standIn.stop();
            }
        }
    }
}
