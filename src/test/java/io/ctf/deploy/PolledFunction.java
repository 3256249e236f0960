package io.ctf.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * target/function.zip run in a process of its own as Lambda runs it, polling a {@link RuntimeApi}:
 * <ul>
 *   <li>native zip ({@code bootstrap} at its root, {@code ./mvnw verify -Dnative}): the binary itself, as
 *       {@code provided.al2023} starts it;</li>
 *   <li>JVM zip: Lambda's Java runtime (the runtime interface client, copied by the build into
 *       target/lambda-java-runtime as /var/runtime is on Lambda) loading the zip from
 *       {@code LAMBDA_TASK_ROOT} and calling template.yaml's handler, {@value PackagedFunction#HANDLER}::handleRequest.</li>
 * </ul>
 * Configured only through the environment, as template.yaml configures it. The zip is unpacked once
 * (by {@link PackagedFunction#unzip}); stdout and stderr go to target/polled-function/NAME.log.
 */
final class PolledFunction implements AutoCloseable {

    static final Path ZIP = Path.of("target/function.zip");
    static final Path RUNTIME = Path.of("target/lambda-java-runtime");
    static final Path WORK = Path.of("target/polled-function");
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static Path root;

    private final String name;
    private final RuntimeApi api;
    private final Process process;
    private final Path log;

    static boolean zipBuilt() {
        return Files.isRegularFile(ZIP);
    }

    /** Starts function {@code name} (its QUARKUS_FUNQY_EXPORT) with {@code environment} added to Lambda's own variables. */
    static PolledFunction start(String name, Map<String, String> environment) throws Exception {
        return new PolledFunction(name, environment);
    }

    private PolledFunction(String name, Map<String, String> environment) throws Exception {
        this.name = name;
        Path task = unpacked();
        api = new RuntimeApi();
        List<String> command = new ArrayList<>();
        if (Files.exists(task.resolve("bootstrap"))) {
            command.add(task.resolve("bootstrap").toString());
        } else {
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // Lambda's java21 runtime starts the JVM with these (JAVA_TOOL_OPTIONS aside).
                    "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", RUNTIME.toAbsolutePath() + "/*",
                    "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                    PackagedFunction.HANDLER + "::handleRequest"));
        }
        Files.createDirectories(WORK);
        log = WORK.resolve(name + ".log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(command).directory(task.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(lambdaEnvironment(name, task));
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        env.put("QUARKUS_FUNQY_EXPORT", name);
        env.putAll(environment);
        process = builder.start();
    }

    /** The variables Lambda sets for every function (no credentials: a function that needs them is given test ones). */
    private static Map<String, String> lambdaEnvironment(String name, Path task) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("LAMBDA_TASK_ROOT", task.toString());
        env.put("LAMBDA_RUNTIME_DIR", RUNTIME.toAbsolutePath().toString());
        env.put("_HANDLER", PackagedFunction.HANDLER + "::handleRequest");
        env.put("AWS_LAMBDA_FUNCTION_NAME", name);
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + name);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/04/[$LATEST]every-export-it");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        return env;
    }

    private static synchronized Path unpacked() throws IOException {
        if (root == null) {
            Path into = WORK.resolve("task");
            // Fresh each run: a bootstrap left from a native build must not be taken for this zip's.
            if (Files.exists(into)) {
                try (Stream<Path> old = Files.walk(into)) {
                    for (Path p : (Iterable<Path>) old.sorted(Comparator.reverseOrder())::iterator) {
                        Files.delete(p);
                    }
                }
            }
            root = PackagedFunction.unzip(ZIP, into);
            Path bootstrap = root.resolve("bootstrap");
            if (Files.exists(bootstrap)) {
                // Zip entries carry no permissions here; Lambda runs bootstrap as an executable.
                bootstrap.toFile().setExecutable(true);
            }
        }
        return root;
    }

    /** One invocation: the function's answer, or the function error the runtime reported. */
    RuntimeApi.Outcome invoke(String event) throws Exception {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " has exited (" + process.exitValue() + "): " + output());
        }
        try {
            return api.invoke(event, TIMEOUT, process::isAlive);
        } catch (Exception e) {
            throw new IllegalStateException(name + ": " + e.getMessage() + "\n--- its output ---\n" + output(), e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** What the process printed so far (for failure messages). */
    String output() {
        try {
            String all = Files.readString(log);
            return all.length() > 8000 ? "..." + all.substring(all.length() - 8000) : all;
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        api.close();
    }
}
