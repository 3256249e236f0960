import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The four calls a runtime makes ({@code /next}, {@code /response}, {@code /error},
 * {@code /init/error}); one server per function process so a dead process's poll never takes
 * the next process's event.
 */
final class RuntimeApi implements AutoCloseable {
    private static final String BASE = "/2018-06-01/runtime";
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "runtime-api");
        t.setDaemon(true);
        return t;
    });
    private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    volatile long firstPoll;
    volatile String initError;

    RuntimeApi() throws IOException {
        // Without it, Nagle's algorithm and delayed ACKs add ~40 ms to every small answer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(threads);
        server.createContext(BASE + "/invocation/", this::invocation);
        server.createContext(BASE + "/init/error", ex -> {
            initError = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            reply(ex, 202, "{\"status\":\"OK\"}");
        });
        server.createContext("/", ex -> reply(ex, 404, "{\"errorMessage\":\"not part of this Runtime API\"}"));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void submit(Invocation inv) {
        queue.add(inv);
    }

    private void invocation(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.equals(BASE + "/invocation/next") && ex.getRequestMethod().equals("GET")) {
            if (firstPoll == 0) {
                firstPoll = System.nanoTime();
            }
            Invocation inv;
            try {
                inv = queue.take();
            } catch (InterruptedException closing) {
                ex.close();
                return;
            }
            inFlight.put(inv.id, inv);
            var h = ex.getResponseHeaders();
            h.set("Content-Type", "application/json");
            h.set("Lambda-Runtime-Aws-Request-Id", inv.id);
            h.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 900_000));
            h.set("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:eu-west-1:123456789012:function:bench");
            h.set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
            inv.dispatched = System.nanoTime();
            ex.sendResponseHeaders(200, inv.payload.length);
            try (var out = ex.getResponseBody()) {
                out.write(inv.payload);
            }
            return;
        }
        Matcher m = Pattern.compile(Pattern.quote(BASE) + "/invocation/([^/]+)/(response|error)").matcher(path);
        if (m.matches() && ex.getRequestMethod().equals("POST")) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            long at = System.nanoTime();
            Invocation inv = inFlight.remove(m.group(1));
            reply(ex, inv == null ? 400 : 202, "{\"status\":\"OK\"}");
            if (inv != null) {
                boolean ok = m.group(2).equals("response");
                inv.done.complete(new Result(ok, ok ? null : ex.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"), body, at));
            }
            return;
        }
        reply(ex, 404, "{\"errorMessage\":\"unknown call " + ex.getRequestMethod() + " " + path + "\"}");
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
