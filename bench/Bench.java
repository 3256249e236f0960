import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The bench's driver: runs each function's {@code function.zip} under AWS's Lambda runtime interface
 * client (RIC) against a local Lambda Runtime API, side by side with a bare Funqy function, and
 * writes a markdown table. Started by {@code bench/run.sh}; a single file on the JDK alone
 * ({@code java bench/Bench.java ...}), so nothing needs installing.
 * <p>
 * Per function: cold start = process start until the first response is posted (median of
 * {@code --runs} processes), init = process start until the runtime first polls for an event,
 * peak RSS = VmHWM after the warm run, warm latency = event handed out until its response
 * arrives (p50/p99 over {@code --invocations} in the last process).
 */
public class Bench {

    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Files.createDirectories(o.work.resolve("logs"));
        Tools tools = new Tools(o);

        List<Target> targets = new ArrayList<>();
        targets.add(Target.load("bare Funqy (baseline)", o.baselineProps, o.baselineZip, o, true));
        try (Stream<Path> files = Files.list(o.functions)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".properties")).sorted().toList()) {
                String name = p.getFileName().toString().replace(".properties", "");
                if (o.only.isEmpty() || o.only.contains(name)) {
                    targets.add(Target.load(name, p, o.zip, o, false));
                }
            }
        }
        // Variants (--variant label=zip or label=@JVM options): each function again, in the same interleaved run.
        for (Map.Entry<String, String> v : o.variants.entrySet()) {
            for (Target t : List.copyOf(targets)) {
                if (!t.baseline && t.variant == null) {
                    targets.add(t.variant(v.getKey(), v.getValue()));
                }
            }
        }
        if (o.nativeZip != null) {
            for (Target t : List.copyOf(targets)) {
                if (!t.baseline) {
                    targets.add(t.asNative(o.nativeZip, o));
                }
            }
        }

        try (Stubs stubs = new Stubs(o, tools)) {
            for (Target t : targets) {
                t.prepare(stubs);
            }
            // Interleaved (bare, f1, f2, bare, f1, f2, ...): drift on a shared machine hits every target alike.
            for (int run = 1; run <= o.runs; run++) {
                for (Target t : targets) {
                    boolean last = run == o.runs;
                    RunResult r = runOnce(t, run, last ? o.invocations : 0, tools, o);
                    t.results.add(r);
                    System.out.printf(Locale.ROOT, "%-28s run %d/%d: cold %7.1f ms (init %7.1f ms, CPU %7.1f ms)%s%n", t.name, run, o.runs,
                            ms(r.coldNanos), ms(r.initNanos), ms(r.coldCpuNanos),
                            last ? String.format(Locale.ROOT, ", warm p50 %.2f ms p99 %.2f ms over %d, VmHWM %d MiB",
                                    ms(percentile(r.warmNanos, 0.50)), ms(percentile(r.warmNanos, 0.99)), r.warmNanos.length,
                                    r.peakRssKb / 1024) : "");
                }
            }
            // Which classes each function loads by its first answer: an extra, untimed process each.
            for (Target t : targets) {
                if (!t.nativeMode) {
                    census(t, tools, o);
                }
            }
        }
        String table = Report.markdown(targets, o);
        Files.createDirectories(o.out.getParent());
        Files.writeString(o.out, table);
        System.out.println();
        System.out.println(table);
        System.out.println("written to " + o.out);
    }

    // --- one function process -------------------------------------------------------------------

    record RunResult(long coldNanos, long initNanos, long coldCpuNanos, long coldRssKb, long peakRssKb, long[] warmNanos) {
    }

    static RunResult runOnce(Target t, int run, int warmInvocations, Tools tools, Options o) throws Exception {
        Path log = o.work.resolve("logs").resolve(t.slug() + "-run" + run + ".log");
        try (RuntimeApi api = new RuntimeApi()) {
            Invocation first = t.invocation(0, run);
            api.submit(first);
            ProcessBuilder pb = t.command(api.port(), tools, o)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            long t0 = System.nanoTime();
            Process p = pb.start();
            try {
                Result r = await(first, p, api, log);
                t.check(r, 0, log);
                long cold = r.at - t0;
                long init = api.firstPoll - t0;
                long coldCpu = cpuNanos(p.pid());
                long coldRss = vmHwmKb(p.pid());
                long[] warm = new long[warmInvocations];
                for (int i = 1; i <= warmInvocations; i++) {
                    Invocation inv = t.invocation(i, run);
                    api.submit(inv);
                    Result w = await(inv, p, api, log);
                    t.check(w, i, log);
                    warm[i - 1] = w.at - inv.dispatched;
                }
                return new RunResult(cold, init, coldCpu, coldRss, vmHwmKb(p.pid()), warm);
            } finally {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Runs the function once more with {@code -Xlog:class+load} and counts the classes loaded by its first answer, per package. */
    static void census(Target t, Tools tools, Options o) throws Exception {
        Path classes = o.work.resolve("logs").resolve(t.slug() + "-classes.log");
        Files.deleteIfExists(classes);
        t.extraJvmOptions = List.of("-Xlog:class+load=info:file=" + classes);
        try {
            runOnce(t, 0, 0, tools, o);
        } finally {
            t.extraJvmOptions = List.of();
        }
        Map<String, Integer> byPackage = new java.util.TreeMap<>();
        int total = 0;
        for (String line : Files.readAllLines(classes)) {
            int start = line.indexOf("] ");
            int end = line.indexOf(" source:");
            if (start < 0 || end < start) {
                continue;
            }
            String[] parts = line.substring(start + 2, end).split("\\.");
            int depth = Set.of("io", "org", "com", "software", "jakarta").contains(parts[0]) ? 3 : 2;
            String group = String.join(".", Arrays.asList(parts).subList(0, Math.min(depth, parts.length - 1)));
            byPackage.merge(group, 1, Integer::sum);
            total++;
        }
        t.classCensus = byPackage;
        t.classesLoaded = total;
    }

    static Result await(Invocation inv, Process p, RuntimeApi api, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return inv.done.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                if (api.initError != null) {
                    throw new IllegalStateException("the function reported an init error: " + api.initError + " (log: " + log + ")");
                }
                if (!p.isAlive()) {
                    throw new IllegalStateException("the function exited with " + p.exitValue() + " before answering (log: " + log + ")");
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no answer within 60 s (log: " + log + ")");
                }
            }
        }
    }

    /**
     * CPU time the process has used (all its threads, from /proc/PID/task/TID/schedstat): steadier than
     * wall time when other work shares the machine, so the report gives both.
     */
    static long cpuNanos(long pid) {
        long sum = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    sum += Long.parseLong(Files.readString(task.resolve("schedstat")).trim().split("\\s+")[0]);
                } catch (IOException | RuntimeException threadGone) {
                    // a thread that ended in between
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return sum;
    }

    static long vmHwmKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // not Linux or already gone
        }
        return -1;
    }

    // --- the local Lambda Runtime API -----------------------------------------------------------

    static final class Invocation {
        final String id = UUID.randomUUID().toString();
        final byte[] payload;
        volatile long dispatched;
        final CompletableFuture<Result> done = new CompletableFuture<>();

        Invocation(String payload) {
            this.payload = payload.getBytes(StandardCharsets.UTF_8);
        }
    }

    record Result(boolean ok, String errorType, String body, long at) {
    }

    /**
     * The four calls a runtime makes ({@code /next}, {@code /response}, {@code /error},
     * {@code /init/error}); one server per function process so a dead process's poll never takes
     * the next process's event.
     */
    static final class RuntimeApi implements AutoCloseable {
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

    // --- what is measured -----------------------------------------------------------------------

    /**
     * A function as data: {@code bench/functions/<name>.properties} (or the baseline's). Keys:
     * {@code export} (QUARKUS_FUNQY_EXPORT), {@code event} (the invocation's JSON, with placeholders),
     * {@code env.NAME} (environment), {@code expect} (a text every response must contain),
     * {@code webhook.body} + {@code webhook.secret} (sign a Composio delivery per invocation),
     * {@code stubs} (dynamodb, wiremock), {@code dynamodb.tables} (CreateTable JSON files).
     */
    static final class Target {
        final String name;
        final Path propsFile;
        final Properties props;
        final Path zip;
        final boolean baseline;
        final boolean nativeMode;
        final String eventTemplate;
        final String webhookBody;
        final List<RunResult> results = new ArrayList<>();
        Path taskRoot;
        Map<String, String> stubEnv = Map.of();
        String variant;
        String jvmOptions;
        List<String> extraJvmOptions = List.of();
        Map<String, Integer> classCensus = Map.of();
        int classesLoaded = -1;

        private Target(String name, Path propsFile, Properties props, Path zip, boolean baseline, boolean nativeMode) throws IOException {
            this.name = name;
            this.propsFile = propsFile;
            this.props = props;
            this.zip = zip;
            this.baseline = baseline;
            this.nativeMode = nativeMode;
            this.eventTemplate = Files.readString(resolve(required("event")));
            String body = props.getProperty("webhook.body");
            this.webhookBody = body == null ? null : Files.readString(resolve(body)).strip();
        }

        static Target load(String name, Path propsFile, Path zip, Options o, boolean baseline) throws IOException {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(propsFile)) {
                p.load(in);
            }
            return new Target(name, propsFile, p, zip, baseline, false);
        }

        Target asNative(Path nativeZip, Options o) throws IOException {
            return new Target(name + " (native)", propsFile, props, nativeZip, false, true);
        }

        Target variant(String label, String spec) throws IOException {
            boolean jvm = spec.startsWith("@");
            Target v = new Target(name + " [" + label + "]", propsFile, props, jvm ? zip : Path.of(spec), false, false);
            v.variant = label;
            v.jvmOptions = jvm ? spec.substring(1) : null;
            return v;
        }

        String slug() {
            return name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
        }

        private String required(String key) {
            String v = props.getProperty(key);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(propsFile + ": '" + key + "' is required");
            }
            return v.strip();
        }

        private Path resolve(String relative) {
            Path p = propsFile.getParent().resolve(relative);
            if (!Files.exists(p)) {
                p = propsFile.getParent().getParent().resolve(relative);
            }
            return p;
        }

        List<String> stubs() {
            return Arrays.stream(props.getProperty("stubs", "").split("[ ,]+")).filter(s -> !s.isBlank()).toList();
        }

        void prepare(Stubs stubs) throws Exception {
            taskRoot = unzip(zip, stubs.o.work.resolve("task").resolve(slug()));
            if (nativeMode && !Files.exists(taskRoot.resolve("bootstrap"))) {
                throw new IllegalArgumentException(zip + " has no bootstrap: not a native function.zip");
            }
            Map<String, String> env = new LinkedHashMap<>();
            for (String stub : stubs()) {
                env.putAll(stubs.start(stub));
            }
            for (String table : props.getProperty("dynamodb.tables", "").split("[ ,]+")) {
                if (!table.isBlank()) {
                    stubs.createTable(Files.readString(resolve(table.strip())));
                }
            }
            stubEnv = env;
        }

        ProcessBuilder command(int runtimeApiPort, Tools tools, Options o) {
            List<String> cmd = new ArrayList<>();
            if (nativeMode) {
                cmd.add(taskRoot.resolve("bootstrap").toString());
            } else {
                cmd.add(o.java);
                cmd.addAll(jvmOptions != null ? List.of(jvmOptions.trim().split("\\s+")) : o.jvmOptions());
                cmd.addAll(extraJvmOptions);
                cmd.add("-D" + "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI=" + tools.ricJni);
                cmd.add("-classpath");
                cmd.add(tools.ricClasspath);
                cmd.add("com.amazonaws.services.lambda.runtime.api.client.AWSLambda");
                cmd.add(props.getProperty("handler", "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest"));
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(taskRoot.toFile());
            Map<String, String> env = pb.environment();
            // What Lambda sets, not what this shell has.
            String path = env.getOrDefault("PATH", "/usr/bin:/bin");
            env.clear();
            env.put("PATH", path);
            env.put("LANG", "en_US.UTF-8");
            env.put("TZ", ":UTC");
            env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + runtimeApiPort);
            env.put("_HANDLER", props.getProperty("handler", "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest"));
            env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
            env.put("LAMBDA_RUNTIME_DIR", tools.ricDir.toString());
            env.put("AWS_EXECUTION_ENV", nativeMode ? "AWS_Lambda_provided.al2023" : "AWS_Lambda_java17");
            env.put("AWS_LAMBDA_FUNCTION_NAME", slug());
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(o.memoryMb));
            env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + slug());
            env.put("AWS_LAMBDA_LOG_STREAM_NAME", "bench");
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
            env.put("AWS_REGION", "eu-west-1");
            env.put("AWS_DEFAULT_REGION", "eu-west-1");
            env.put("AWS_ACCESS_KEY_ID", "bench");
            env.put("AWS_SECRET_ACCESS_KEY", "bench");
            env.put("AWS_SESSION_TOKEN", "bench");
            env.put("QUARKUS_FUNQY_EXPORT", required("export"));
            if (o.javaToolOptions != null && !nativeMode) {
                env.put("JAVA_TOOL_OPTIONS", o.javaToolOptions);
            }
            for (String key : props.stringPropertyNames()) {
                if (key.startsWith("env.")) {
                    env.put(key.substring(4), fill(props.getProperty(key), stubEnv));
                }
            }
            return pb;
        }

        Invocation invocation(int n, int run) {
            Map<String, String> values = new LinkedHashMap<>(stubEnv);
            values.put("N", Integer.toString(n));
            values.put("REQUEST_ID", UUID.randomUUID().toString());
            values.put("NOW_MILLIS", Long.toString(System.currentTimeMillis()));
            if (webhookBody != null) {
                String id = "msg_bench_" + UUID.randomUUID().toString().replace("-", "");
                String ts = Long.toString(System.currentTimeMillis() / 1000);
                values.put("WEBHOOK_ID", id);
                values.put("WEBHOOK_TIMESTAMP", ts);
                values.put("WEBHOOK_SIGNATURE", sign(required("webhook.secret"), id, ts, webhookBody));
                values.put("WEBHOOK_BODY_JSON", jsonString(webhookBody));
            }
            return new Invocation(fill(eventTemplate, values));
        }

        void check(Result r, int n, Path log) {
            String expect = props.getProperty("expect");
            if (!r.ok() || (expect != null && !r.body().contains(expect.strip()))) {
                throw new IllegalStateException(name + ": invocation " + n + " answered "
                        + (r.ok() ? "" : "with function error " + r.errorType() + ": ") + abbreviate(r.body())
                        + (expect == null ? "" : " (expected it to contain " + expect.strip() + ")") + "; log: " + log);
            }
        }

        long zipBytes() {
            try {
                return Files.size(zip);
            } catch (IOException e) {
                return -1;
            }
        }
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("no value for ${" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Composio's scheme: v1,base64(HMAC-SHA256(secret's UTF-8 bytes, "{id}.{timestamp}.{body}")). */
    static String sign(String secret, String id, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    static Path unzip(Path zip, Path into) throws IOException {
        if (Files.exists(into)) {
            try (Stream<Path> walk = Files.walk(into)) {
                for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(into);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    String file = target.getFileName().toString();
                    if (file.equals("bootstrap") || file.equals("runner") || file.endsWith("-runner")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
        return into;
    }

    // --- local stand-ins for AWS and Composio ---------------------------------------------------

    /** DynamoDB Local and WireMock standalone, started once when a function names them in {@code stubs}. */
    static final class Stubs implements AutoCloseable {
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
                            "--root-dir", o.bench.resolve("stubs/wiremock").toString(), "--disable-banner"));
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

    /** The RIC's jars and its JNI library, unpacked once (as Lambda does) instead of into /tmp by each process. */
    static final class Tools {
        final Path ricDir;
        final String ricClasspath;
        final Path ricJni;

        Tools(Options o) throws IOException {
            ricDir = o.tools.resolve("ric");
            try (Stream<Path> jars = Files.list(ricDir)) {
                List<Path> list = jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
                ricClasspath = list.stream().map(Path::toString).collect(Collectors.joining(":"));
                Path ric = list.stream().filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                        .findFirst().orElseThrow(() -> new IllegalStateException("no runtime interface client in " + ricDir));
                String arch = System.getProperty("os.arch").contains("aarch64") ? "aarch_64" : "x86_64";
                String lib = "libaws-lambda-jni.linux-" + arch + ".so";
                ricJni = o.tools.resolve("ric-jni").resolve(lib);
                if (!Files.exists(ricJni)) {
                    Files.createDirectories(ricJni.getParent());
                    try (var zip = new java.util.zip.ZipFile(ric.toFile())) {
                        try (InputStream in = zip.getInputStream(zip.getEntry("jni/" + lib))) {
                            Files.copy(in, ricJni);
                        }
                    }
                }
            }
        }
    }

    // --- options and report ---------------------------------------------------------------------

    static final class Options {
        Path bench = Path.of("bench");
        Path zip = Path.of("target/function.zip");
        Path nativeZip;
        Path baselineZip = Path.of("bench/baseline/target/function.zip");
        Path baselineProps = Path.of("bench/baseline/bench.properties");
        Path functions = Path.of("bench/functions");
        Path work = Path.of("target/bench");
        Path tools = Path.of("target/bench/tools");
        Path out = Path.of("bench/results/latest.md");
        List<String> only = List.of();
        Map<String, String> variants = new LinkedHashMap<>();
        int runs = 7;
        int invocations = 1000;
        int memoryMb = 256;
        String wiremockVersion = "3.13.2";
        String java = ProcessHandle.current().info().command().orElse("java");
        String jvmOptions;
        String javaToolOptions;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i += 2) {
                String k = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                if (v == null) {
                    throw new IllegalArgumentException("no value for " + k);
                }
                switch (k) {
                    case "--bench" -> o.bench = Path.of(v);
                    case "--zip" -> o.zip = Path.of(v);
                    case "--native-zip" -> o.nativeZip = v.isBlank() ? null : Path.of(v);
                    case "--baseline-zip" -> o.baselineZip = Path.of(v);
                    case "--baseline" -> o.baselineProps = Path.of(v);
                    case "--functions" -> o.functions = Path.of(v);
                    case "--work" -> o.work = Path.of(v);
                    case "--tools" -> o.tools = Path.of(v);
                    case "--out" -> o.out = Path.of(v);
                    case "--only" -> o.only = v.isBlank() ? List.of() : List.of(v.split(","));
                    case "--variant" -> o.variants.put(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1));
                    case "--runs" -> o.runs = Integer.parseInt(v);
                    case "--invocations" -> o.invocations = Integer.parseInt(v);
                    case "--memory" -> o.memoryMb = Integer.parseInt(v);
                    case "--wiremock-version" -> o.wiremockVersion = v;
                    case "--jvm-options" -> o.jvmOptions = v.isBlank() ? null : v;
                    case "--java-tool-options" -> o.javaToolOptions = v.isBlank() ? null : v;
                    default -> throw new IllegalArgumentException("unknown option " + k);
                }
            }
            o.work = o.work.toAbsolutePath();
            o.tools = o.tools.toAbsolutePath();
            o.bench = o.bench.toAbsolutePath();
            return o;
        }

        /**
         * The JVM options AWS's java17 managed runtime starts functions with (serial GC, C1 only,
         * CDS on), the heap sized for {@code --memory} MB; {@code --jvm-options} replaces them.
         */
        List<String> jvmOptions() {
            if (jvmOptions != null) {
                return List.of(jvmOptions.trim().split("\\s+"));
            }
            return List.of("-XX:MaxRAM=" + memoryMb + "m", "-XX:MaxHeapSize=" + (memoryMb * 85 / 100) + "m",
                    "-XX:+UseSerialGC", "-Xshare:auto", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                    "--add-opens=java.base/java.io=ALL-UNNAMED", "-Djava.net.preferIPv4Stack=true", "-XX:+ErrorFileToStderr");
        }
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static long percentile(long[] values, double q) {
        if (values.length == 0) {
            return 0;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static final class Report {

        static String markdown(List<Target> targets, Options o) throws IOException {
            Target base = targets.get(0);
            Stats b = Stats.of(base);
            StringBuilder s = new StringBuilder();
            s.append("<!-- written by bench/run.sh; do not edit by hand -->\n");
            s.append("| function | cold start ms (median) | × bare | runtime ready ms | CPU ms to first response | × bare | peak RSS MiB | × bare | warm p50 ms | warm p99 ms | × bare (p99) | function.zip MB | classes loaded |\n");
            s.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
            for (Target t : targets) {
                Stats x = Stats.of(t);
                s.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.0f | %.0f | %.2f | %.0f | %.2f | %.2f | %.2f | %.2f | %.1f | %s |%n",
                        t.name, ms(x.cold), ratio(x.cold, b.cold), ms(x.init), ms(x.cpu), ratio(x.cpu, b.cpu), x.rssKb / 1024.0, ratio(x.rssKb, b.rssKb),
                        ms(x.p50), ms(x.p99), ratio(x.p99, b.p99), t.zipBytes() / 1e6, t.classesLoaded < 0 ? "" : Integer.toString(t.classesLoaded)));
            }
            s.append('\n');
            s.append(String.format(Locale.ROOT, "Date: %s. Machine: %s; %d CPUs (nproc), %s RAM; %s. Mode: %s.%n",
                    ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                    cpuModel(), Runtime.getRuntime().availableProcessors(), memTotal(),
                    "JDK " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")",
                    o.nativeZip == null ? "JVM" : "JVM and native"));
            s.append(String.format(Locale.ROOT, "%nEach function ran under AWS's runtime interface client (aws-lambda-java-runtime-interface-client) "
                    + "against bench/Bench.java's local Runtime API: %d processes each (interleaved with the bare function), "
                    + "%d warm invocations in the last one. JVM options: `%s`%s.%n",
                    o.runs, o.invocations, String.join(" ", o.jvmOptions()),
                    o.javaToolOptions == null ? "" : "; JAVA_TOOL_OPTIONS=`" + o.javaToolOptions + "`"));
            s.append("\nCold start: process start to the first response posted. Runtime ready: process start to the first poll for an event "
                    + "(the init phase). CPU: CPU time of all the process's threads until the first response (less disturbed by other load than wall time). Peak RSS: VmHWM after the warm run. Warm latency: event handed out to response received. "
                    + "All cold samples (ms):\n\n");
            for (Target t : targets) {
                s.append("- ").append(t.name).append(": ").append(t.results.stream()
                        .map(r -> String.format(Locale.ROOT, "%.0f", ms(r.coldNanos))).collect(Collectors.joining(", "))).append('\n');
            }
            s.append("\nAll CPU samples to first response (ms):\n\n");
            for (Target t : targets) {
                s.append("- ").append(t.name).append(": ").append(t.results.stream()
                        .map(r -> String.format(Locale.ROOT, "%.0f", ms(r.coldCpuNanos))).collect(Collectors.joining(", "))).append('\n');
            }
            s.append("\nClasses loaded by the first answer beyond the bare function's, by package (`-Xlog:class+load`, an extra untimed run):\n\n");
            for (Target t : targets) {
                if (t.baseline || t.classesLoaded < 0) {
                    continue;
                }
                s.append("- ").append(t.name).append(String.format(Locale.ROOT, " (%+d): ", t.classesLoaded - base.classesLoaded))
                        .append(t.classCensus.entrySet().stream()
                                .map(e -> Map.entry(e.getKey(), e.getValue() - base.classCensus.getOrDefault(e.getKey(), 0)))
                                .filter(e -> e.getValue() >= 10)
                                .sorted((a, c) -> c.getValue() - a.getValue())
                                .limit(16)
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining(", ")))
                        .append('\n');
            }
            s.append("\nTargets (issue 7): cold start ≤ 1.15 × bare, warm p99 < 10 ms, peak RSS < 160 MiB, function.zip < 20 MB.\n\n");
            for (Target t : targets) {
                if (t.baseline) {
                    continue;
                }
                Stats x = Stats.of(t);
                s.append(String.format(Locale.ROOT, "- %s: cold %.2f × bare %s; p99 %.2f ms %s; peak RSS %.0f MiB %s; zip %.1f MB %s%n",
                        t.name, ratio(x.cold, b.cold), mark(ratio(x.cold, b.cold) <= 1.15), ms(x.p99), mark(ms(x.p99) < 10),
                        x.rssKb / 1024.0, mark(x.rssKb / 1024.0 < 160), t.zipBytes() / 1e6, mark(t.zipBytes() < 20e6)));
            }
            return s.toString();
        }

        static String mark(boolean ok) {
            return ok ? "(met)" : "(**missed**)";
        }

        static double ratio(double a, double b) {
            return b == 0 ? Double.NaN : a / b;
        }

        record Stats(long cold, long init, long cpu, long rssKb, long p50, long p99) {
            static Stats of(Target t) {
                long[] cold = t.results.stream().mapToLong(RunResult::coldNanos).toArray();
                long[] init = t.results.stream().mapToLong(RunResult::initNanos).toArray();
                long[] cpu = t.results.stream().mapToLong(RunResult::coldCpuNanos).toArray();
                RunResult last = t.results.get(t.results.size() - 1);
                return new Stats(median(cold), median(init), median(cpu), last.peakRssKb, percentile(last.warmNanos, 0.5), percentile(last.warmNanos, 0.99));
            }
        }

        static String cpuModel() {
            try {
                return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(System.getProperty("os.arch"));
            } catch (IOException e) {
                return System.getProperty("os.arch");
            }
        }

        static String memTotal() {
            try {
                return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                        .map(l -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576.0))
                        .findFirst().orElse("?");
            } catch (IOException e) {
                return "?";
            }
        }
    }
}
