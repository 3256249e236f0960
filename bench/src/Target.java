import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * A function as data: {@code bench/functions/<name>.properties} (or the baseline's). Keys:
 * {@code export} (QUARKUS_FUNQY_EXPORT), {@code event} (the invocation's JSON, with placeholders),
 * {@code env.NAME} (environment), {@code expect} (a text every response must contain),
 * {@code webhook.body} + {@code webhook.secret} (sign a Composio delivery per invocation),
 * {@code stubs} (dynamodb, wiremock), {@code dynamodb.tables} (CreateTable JSON files);
 * for a peer written for another runtime, {@code runtime=node}, {@code node.runtime} (the entry point
 * of Lambda's Node.js runtime) and {@code measures} (the function it stands beside); {@code extends}
 * (another such file whose keys this one inherits and may override).
 */
final class Target {

    /** How the function's process is started: as Lambda's java17 runtime, a native bootstrap, or Lambda's Node.js runtime. */
    enum Mode { JVM, NATIVE, NODE }

    final String name;
    final Path propsFile;
    final Properties props;
    final Path zip;
    final boolean baseline;
    /** The second yardstick: the bare echo in an image with every Quarkus extension of the project (issue 17). */
    boolean withExtensions;
    final Mode mode;
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

    private Target(String name, Path propsFile, Properties props, Path zip, boolean baseline, Mode mode) throws IOException {
        this.name = name;
        this.propsFile = propsFile;
        this.props = props;
        this.zip = zip;
        this.baseline = baseline;
        this.mode = mode;
        this.eventTemplate = Files.readString(resolve(required("event")));
        String body = props.getProperty("webhook.body");
        this.webhookBody = body == null ? null : Files.readString(resolve(body)).strip();
    }

    static Target load(String name, Path propsFile, Path zip, Options o, boolean baseline) throws IOException {
        return new Target(name, propsFile, properties(propsFile), zip, baseline, Mode.JVM);
    }

    /** A peer: named after the function it {@code measures} and its runtime. */
    static Target loadPeer(Path propsFile, Path zip, Options o) throws IOException {
        Properties p = properties(propsFile);
        Target peer = new Target(p.getProperty("measures", "?").strip() + " (Node.js peer)", propsFile, p, zip, false, Mode.NODE);
        if (!"node".equals(p.getProperty("runtime", "").strip())) {
            throw new IllegalArgumentException(propsFile + ": a peer needs runtime=node (the only other runtime the bench starts)");
        }
        return peer;
    }

    /** The file's keys over those of the file it {@code extends} (relative paths stay relative to the file that names them). */
    private static Properties properties(Path file) throws IOException {
        Properties own = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            own.load(in);
        }
        String parent = own.getProperty("extends");
        if (parent == null || parent.isBlank()) {
            return own;
        }
        Path parentFile = file.getParent().resolve(parent.strip()).normalize();
        Properties merged = properties(parentFile);
        for (String key : List.of("event", "webhook.body", "dynamodb.tables")) {
            // Paths of the parent's keys, made relative to this file so that resolve() still finds them.
            if (merged.containsKey(key) && !own.containsKey(key)) {
                List<String> parts = new ArrayList<>();
                for (String part : merged.getProperty(key).split("[ ,]+")) {
                    if (!part.isBlank()) {
                        Path abs = resolveFrom(parentFile, part.strip());
                        parts.add(file.getParent().toAbsolutePath().normalize().relativize(abs.toAbsolutePath().normalize()).toString());
                    }
                }
                merged.setProperty(key, String.join(",", parts));
            }
        }
        merged.putAll(own);
        merged.remove("extends");
        return merged;
    }

    /** The same function from another zip: a native build (its {@code bootstrap}), baseline or not. */
    Target asNative(Path nativeZip, Options o) throws IOException {
        String label = name.endsWith(")") ? name.substring(0, name.length() - 1) + ", native)" : name + " (native)";
        Target t = new Target(label, propsFile, props, nativeZip, baseline, Mode.NATIVE);
        t.withExtensions = withExtensions;
        return t;
    }

    /** The bare function's echo built with the project's extensions (bench/baseline -Dbaseline=extensions). */
    Target withExtensions(Path extensionsZip) throws IOException {
        Target t = new Target("bare Funqy + extensions (baseline)", propsFile, props, extensionsZip, true, mode);
        t.withExtensions = true;
        return t;
    }

    boolean isPeer() {
        return mode == Mode.NODE;
    }

    /** For a peer: the function it stands beside ({@code measures}). */
    String measures() {
        return props.getProperty("measures", "").strip();
    }

    Target variant(String label, String spec) throws IOException {
        boolean jvm = spec.startsWith("@");
        Target v = new Target(name + " [" + label + "]", propsFile, props, jvm ? zip : Path.of(spec), false, Mode.JVM);
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
        return resolveFrom(propsFile, relative);
    }

    /** Relative to the properties file's directory, or else to the one above it (bench/). */
    private static Path resolveFrom(Path propsFile, String relative) {
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
        taskRoot = Zips.unzip(zip, stubs.o.work.resolve("task").resolve(slug()));
        if (mode == Mode.NATIVE && !Files.exists(taskRoot.resolve("bootstrap"))) {
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
        if (mode == Mode.NATIVE) {
            cmd.add(taskRoot.resolve("bootstrap").toString());
            cmd.addAll(o.nativeOptions());
        } else if (mode == Mode.NODE) {
            cmd.addAll(nodeCommand(o));
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
        env.put("_HANDLER", props.getProperty("handler", mode == Mode.NODE ? "index.handler" : "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest"));
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LAMBDA_RUNTIME_DIR", tools.ricDir.toString());
        env.put("AWS_EXECUTION_ENV", switch (mode) {
            case NATIVE -> "AWS_Lambda_provided.al2023";
            case NODE -> "AWS_Lambda_nodejs20.x";
            case JVM -> "AWS_Lambda_java17";
        });
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
        if (mode != Mode.NODE) {
            env.put("QUARKUS_FUNQY_EXPORT", required("export"));
        }
        if (o.javaToolOptions != null && mode == Mode.JVM) {
            env.put("JAVA_TOOL_OPTIONS", o.javaToolOptions);
        }
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("env.")) {
                env.put(key.substring(4), Events.fill(props.getProperty(key), stubEnv));
            }
        }
        return pb;
    }

    /**
     * As Lambda's nodejs20.x bootstrap starts its runtime: V8's heap sized from the function's memory
     * (a tenth of it for the young generation, half of that per semi-space, the rest old space), then
     * the runtime's script with the handler, which it loads from the task root.
     */
    private List<String> nodeCommand(Options o) {
        int newSpace = o.memoryMb / 10;
        return List.of(o.node, "--max-semi-space-size=" + newSpace / 2, "--max-old-space-size=" + (o.memoryMb - newSpace),
                "--expose-gc", "--max-http-header-size", "81920", nodeRuntime().toString(), props.getProperty("handler", "index.handler"));
    }

    /** The Node.js runtime's entry point ({@code node.runtime}): Lambda's runtime interface client. */
    Path nodeRuntime() {
        Path p = resolve(required("node.runtime")).toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new IllegalStateException(p + " is missing: bench/run.sh installs it (npm ci in " + propsFile.getParent() + ")");
        }
        return p;
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
            values.put("WEBHOOK_SIGNATURE", Events.sign(required("webhook.secret"), id, ts, webhookBody));
            values.put("WEBHOOK_BODY_JSON", Events.jsonString(webhookBody));
        }
        return new Invocation(Events.fill(eventTemplate, values));
    }

    void check(Result r, int n, Path log) {
        String expect = props.getProperty("expect");
        if (!r.ok() || (expect != null && !r.body().contains(expect.strip()))) {
            throw new IllegalStateException(name + ": invocation " + n + " answered "
                    + (r.ok() ? "" : "with function error " + r.errorType() + ": ") + Events.abbreviate(r.body())
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
