package io.ctf.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Lambda's Runtime API (2018-06-01) as a function's runtime sees it: {@code GET invocation/next}
 * hands out one queued event (long poll), {@code POST invocation/{id}/response} or {@code /error}
 * completes it, {@code POST init/error} records a failed start. Both runtimes poll it the same way:
 * Lambda's Java runtime (the runtime interface client) for the JVM zip, the {@code bootstrap} binary
 * for the native one. Ephemeral port, one function process at a time.
 */
final class RuntimeApi implements AutoCloseable {

    static final String PREFIX = "/2018-06-01/runtime/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the runtime reported for one invocation: an answer, or a function error. */
    record Outcome(JsonNode answer, String errorType, String errorMessage) {
        boolean failed() {
            return errorType != null;
        }
    }

    private record Invocation(String id, String event, CompletableFuture<Outcome> outcome) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "runtime-api");
        t.setDaemon(true);
        return t;
    });
    private final BlockingQueue<Invocation> queued = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> handedOut = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile String initError;

    RuntimeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(threads);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** {@code host:port}, as Lambda sets {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues {@code event} for the polling runtime and waits for what it reports, while {@code running} holds. */
    Outcome invoke(String event, Duration timeout, BooleanSupplier running) throws Exception {
        var invocation = new Invocation("it-" + ids.incrementAndGet(), event, new CompletableFuture<>());
        queued.add(invocation);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (initError != null) {
                throw new IllegalStateException("the function failed to start: " + initError);
            }
            if (!running.getAsBoolean() && !invocation.outcome().isDone()) {
                queued.remove(invocation);
                throw new IllegalStateException("the function's process exited without answering " + event);
            }
            try {
                return invocation.outcome().get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                if (System.nanoTime() > deadline) {
                    queued.remove(invocation);
                    throw new TimeoutException("no answer within " + timeout + " to " + event);
                }
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("GET") && path.equals("invocation/next")) {
                next(exchange);
            } else if (path.equals("init/error")) {
                initError = new String(body, StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(202, -1);
            } else if (path.startsWith("invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String id = path.substring("invocation/".length(), path.lastIndexOf('/'));
                Invocation invocation = handedOut.remove(id);
                if (invocation == null) {
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                if (path.endsWith("/response")) {
                    invocation.outcome().complete(new Outcome(JSON.readTree(body), null, null));
                } else {
                    JsonNode error = JSON.readTree(body);
                    invocation.outcome().complete(new Outcome(null, error.path("errorType").asText(null),
                            error.path("errorMessage").asText(null)));
                }
                exchange.sendResponseHeaders(202, -1);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** Long poll, as Lambda's: the runtime's request is held until an event is queued. */
    private void next(HttpExchange exchange) throws IOException, InterruptedException {
        Invocation invocation = queued.take();
        handedOut.put(invocation.id(), invocation);
        byte[] event = invocation.event().getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.id());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:every-export-it");
        headers.set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
        exchange.sendResponseHeaders(200, event.length);
        exchange.getResponseBody().write(event);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
