import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** DynamoDB Local and WireMock standalone, started once when a function names them in {@code stubs}. */
final class Stubs implements AutoCloseable {
    final Options o;
    final Tools tools;
    final Map<String, Map<String, String>> started = new LinkedHashMap<>();
    final List<Process> processes = new ArrayList<>();
    String dynamoEndpoint;

    Stubs(Options o, Tools tools) {
        this.o = o;
        this.tools = tools;
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    Map<String, String> start(String stub) throws Exception {
        if (started.containsKey(stub)) {
            return started.get(stub);
        }
        int port = freePort();
        Path dir = o.tools.resolve(stub);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(stub + " is not fetched: run bench/run.sh (it copies it into " + dir + ")");
        }
        List<String> cmd = new ArrayList<>(List.of(o.java, "-Xmx256m", "-XX:+UseSerialGC"));
        Map<String, String> env;
        switch (stub) {
            case "dynamodb" -> {
                cmd.addAll(List.of("-Djava.library.path=" + dir, "-Dsqlite4java.library.path=" + dir,
                        "-cp", dir + "/*", "com.amazonaws.services.dynamodbv2.local.main.ServerRunner",
                        "-inMemory", "-sharedDb", "-port", Integer.toString(port)));
                dynamoEndpoint = "http://127.0.0.1:" + port;
                env = Map.of("DYNAMODB_ENDPOINT", dynamoEndpoint);
            }
            case "wiremock" -> {
                cmd.addAll(List.of("-jar", dir.resolve("wiremock-standalone-" + o.wiremockVersion + ".jar").toString(),
                        "--port", Integer.toString(port), "--bind-address", "127.0.0.1",
                        "--root-dir", o.bench.resolve("stubs/wiremock").toString(), "--disable-banner",
                        // A stand-in answers; it need not record: the journal costs each request time of its own.
                        "--no-request-journal", "--disable-request-logging"));
                env = Map.of("WIREMOCK_URL", "http://127.0.0.1:" + port);
            }
            default -> throw new IllegalArgumentException("unknown stub '" + stub + "' (dynamodb, wiremock)");
        }
        // Run from the work directory: DynamoDB Local writes a metadata file where it starts.
        Process p = new ProcessBuilder(cmd).directory(o.work.toFile()).redirectErrorStream(true)
                .redirectOutput(o.work.resolve("logs").resolve(stub + ".log").toFile()).start();
        processes.add(p);
        waitForPort(port, p, stub);
        System.out.println(stub + " listening on 127.0.0.1:" + port);
        started.put(stub, env);
        return env;
    }

    /** A CreateTable request (the DynamoDB JSON API), sent as any SDK would; an existing table is fine. */
    void createTable(String json) throws Exception {
        if (dynamoEndpoint == null) {
            throw new IllegalStateException("dynamodb.tables needs stubs=dynamodb");
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(dynamoEndpoint))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.CreateTable")
                // DynamoDB Local reads the key id from here and checks no signature.
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=bench/20250101/eu-west-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 && !r.body().contains("ResourceInUseException")) {
            throw new IllegalStateException("CreateTable failed: " + r.statusCode() + " " + r.body());
        }
    }

    @Override
    public synchronized void close() {
        for (Process p : processes) {
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void waitForPort(int port, Process p, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(what + " exited with " + p.exitValue());
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException(what + " did not listen within 60 s");
    }
}
