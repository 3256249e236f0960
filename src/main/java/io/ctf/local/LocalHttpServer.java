package io.ctf.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ctf.webhook.inbox.InboxClient;
import io.ctf.webhook.inbox.InboxConfig;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.funqy.runtime.FunctionInvoker;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local loop's plain HTTP server (docs/local.md):
 * <ul>
 * <li>{@code POST /webhook}: a delivery exactly as Composio sends it, turned into the API Gateway
 * event ({@link GatewayEvent}) and run through receiveWebhook unchanged; its status, headers and
 * body are the answer, and the dev console shows the stored event ({@link DeliveryConsole});</li>
 * <li>{@code GET /inbox[?limit=n]}, {@code GET /inbox/<webhook-id>}: the stored events ({@link InboxView});</li>
 * <li>{@code GET /functions}, {@code POST /functions/<name>}: any function of the set with the body
 * as its input ({@link FunctionRunner}).</li>
 * </ul>
 * On the loopback address only: the inbox and its payloads are not for the network, unless
 * {@code local.listen-on-all-interfaces} asks for every interface.
 * A bean of dev mode only ({@code %dev.local.http.enabled=true}); a test enables it for itself. The
 * JDK's own HTTP server keeps it free of any dependency and off Vert.x's event loop, since the
 * functions block. Its settings are plain properties, not a {@code @ConfigMapping}, which the prod
 * build would register.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
@IfBuildProperty(name = "local.http.enabled", stringValue = "true")
public class LocalHttpServer {

    private static final Logger LOG = Logger.getLogger(LocalHttpServer.class);
    /** API Gateway's own limit on a request's payload; receiveWebhook's smaller limit applies after it. */
    static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;
    /** API Gateway's HTTP API answer to a request over its limit, byte for byte. */
    static final byte[] TOO_LARGE = "{\"message\":\"Request Entity Too Large\"}".getBytes(StandardCharsets.UTF_8);
    /**
     * How much of an over-large body is read and dropped before answering: closing on unread bytes
     * resets the connection, and a client still uploading (curl) then loses the 413. Bounded so a
     * sender that never stops cannot hold a thread.
     */
    static final long MAX_DISCARDED_BYTES = 100L * 1024 * 1024;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 1000;
    private static final String RECEIVER = "receiveWebhook";

    @ConfigProperty(name = "local.http.port", defaultValue = "8080")
    int configuredPort;

    /** The one opt-in to every interface for every port the local loop opens (docs/local.md). */
    @ConfigProperty(name = "local.listen-on-all-interfaces", defaultValue = "false")
    boolean allInterfaces;

    @Inject
    ObjectMapper json;

    @Inject
    InboxClient inboxClient;

    @Inject
    InboxConfig inboxConfig;

    private HttpServer server;
    private ExecutorService executor;
    private FunctionRunner functions;
    private InboxView inbox;
    private DeliveryConsole console;

    void start(@Observes StartupEvent started) {
        functions = new FunctionRunner(json);
        inbox = new InboxView(inboxClient, inboxConfig, json);
        console = new DeliveryConsole(json);
        try {
            server = HttpServer.create(allInterfaces ? new InetSocketAddress(configuredPort)
                    : new InetSocketAddress(InetAddress.getLoopbackAddress(), configuredPort), 0);
        } catch (BindException e) {
            throw new IllegalStateException("the local loop cannot listen on port " + configuredPort
                    + ", which is in use: stop what uses it or set LOCAL_HTTP_PORT", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newFixedThreadPool(4, work -> {
            Thread thread = new Thread(work, "local-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        LOG.infof("local loop on http://localhost:%d (listening on %s): POST /webhook (Composio deliveries), GET /inbox,"
                + " GET /functions, POST /functions/<name> (docs/local.md)", port(),
                allInterfaces ? "every interface" : "127.0.0.1 only");
    }

    /** The port listened on (a free one when configured as 0, as tests do). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address listened on: the loopback address unless every interface was asked for. */
    public InetAddress address() {
        return server.getAddress().getAddress();
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        HttpAnswer answer;
        try {
            answer = route(exchange);
        } catch (RuntimeException e) {
            LOG.errorf(e, "local loop: %s %s failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
            answer = HttpAnswer.error(json, 503, e.getMessage() == null ? e.getClass().getName() : e.getMessage());
        }
        send(exchange, answer);
    }

    private HttpAnswer route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        if (path.equals("/webhook")) {
            return webhook(exchange);
        }
        if (path.equals("/inbox") || path.equals("/inbox/")) {
            return get(method, () -> inboxList(exchange.getRequestURI().getRawQuery()));
        }
        if (path.startsWith("/inbox/")) {
            String id = URLDecoder.decode(path.substring("/inbox/".length()), StandardCharsets.UTF_8);
            return get(method, () -> inbox.find(id)
                    .map(event -> HttpAnswer.json(json, 200, event))
                    .orElseGet(() -> HttpAnswer.error(json, 404, "no stored event " + id)));
        }
        if (path.equals("/functions") || path.equals("/functions/")) {
            return get(method, () -> HttpAnswer.json(json, 200, Map.of("functions", functions.names())));
        }
        if (path.startsWith("/functions/")) {
            return function(exchange, URLDecoder.decode(path.substring("/functions/".length()), StandardCharsets.UTF_8));
        }
        int status = path.equals("/") ? 200 : 404;
        Map<String, Object> index = new LinkedHashMap<>();
        if (status == 404) {
            index.put("error", "nothing at " + path);
        }
        index.put("routes", List.of("POST /webhook", "GET /inbox?limit=" + DEFAULT_LIMIT, "GET /inbox/<webhook-id>",
                "GET /functions", "POST /functions/<name>"));
        return HttpAnswer.json(json, status, index);
    }

    private HttpAnswer webhook(HttpExchange exchange) throws IOException {
        String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
        Optional<byte[]> body = body(exchange);
        if (body.isEmpty()) {
            HttpAnswer tooLarge = HttpAnswer.json(413, TOO_LARGE);
            console.answered(webhookId, tooLarge, inbox);
            return tooLarge;
        }
        ObjectNode event = GatewayEvent.of(json, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body.get(),
                exchange.getRemoteAddress().getAddress().getHostAddress(), UUID.randomUUID().toString(), Instant.now());
        FunctionInvoker receiver = functions.find(RECEIVER).orElseThrow();
        HttpAnswer answer;
        try {
            answer = gatewayAnswer(functions.runOnEvent(receiver, json.writeValueAsBytes(event)));
        } catch (RuntimeException | IOException failed) {
            // What API Gateway answers when its Lambda integration fails.
            LOG.errorf(failed, "receiveWebhook failed on delivery %s", DeliveryConsole.printable(webhookId));
            answer = HttpAnswer.json(json, 500, Map.of("message", "Internal Server Error"));
        }
        console.answered(webhookId, answer, inbox);
        return answer;
    }

    /** receiveWebhook's response (payload format 2.0) as the HTTP answer API Gateway makes of it. */
    private HttpAnswer gatewayAnswer(JsonNode response) throws IOException {
        if (!response.has("statusCode")) {
            return HttpAnswer.json(200, json.writeValueAsBytes(response));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        response.path("headers").properties().forEach(h -> headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue().asText()));
        String body = response.path("body").asText("");
        byte[] bytes = response.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        return new HttpAnswer(response.path("statusCode").asInt(), headers, bytes);
    }

    private HttpAnswer function(HttpExchange exchange, String name) throws IOException {
        Optional<FunctionInvoker> function = functions.find(name);
        if (function.isEmpty()) {
            Map<String, Object> unknown = new LinkedHashMap<>();
            unknown.put("error", "no function named '" + name + "'");
            unknown.put("functions", functions.names());
            return HttpAnswer.json(json, 404, unknown);
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            return methodNotAllowed("POST");
        }
        Optional<byte[]> body = body(exchange);
        if (body.isEmpty()) {
            return HttpAnswer.json(json, 413, Map.of("errorType", "RequestTooLargeException",
                    "errorMessage", "Request must be smaller than " + MAX_REQUEST_BYTES + " bytes"));
        }
        return functions.run(function.get(), body.get());
    }

    private HttpAnswer inboxList(String rawQuery) {
        int limit = DEFAULT_LIMIT;
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            if (pair.startsWith("limit=")) {
                try {
                    limit = Integer.parseInt(pair.substring("limit=".length()));
                } catch (NumberFormatException e) {
                    limit = -1;
                }
                if (limit < 1 || limit > MAX_LIMIT) {
                    return HttpAnswer.error(json, 400, "'limit' must be a whole number from 1 to " + MAX_LIMIT);
                }
            }
        }
        return HttpAnswer.json(json, 200, Map.of("events", inbox.newest(limit)));
    }

    private HttpAnswer get(String method, java.util.function.Supplier<HttpAnswer> answer) {
        return method.equals("GET") ? answer.get() : methodNotAllowed("GET");
    }

    private HttpAnswer methodNotAllowed(String allowed) {
        HttpAnswer answer = HttpAnswer.error(json, 405, "only " + allowed + " is accepted here");
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.put("allow", allowed);
        return new HttpAnswer(405, headers, answer.body());
    }

    /** The request's body, or empty when it is larger than API Gateway would take (the rest read and dropped). */
    private static Optional<byte[]> body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
            if (bytes.length <= MAX_REQUEST_BYTES) {
                return Optional.of(bytes);
            }
            long discarded = 0;
            byte[] buffer = new byte[64 * 1024];
            for (int n; discarded < MAX_DISCARDED_BYTES && (n = in.read(buffer)) > 0; ) {
                discarded += n;
            }
            return Optional.empty();
        }
    }

    private static void send(HttpExchange exchange, HttpAnswer answer) throws IOException {
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = answer.body();
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }
}
