package io.ctf.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctf.webhook.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged JVM artifact, run as Lambda's java21 runtime runs it: target/function.zip unpacked,
 * its root and lib/*.jar on a class path of their own (nothing from the test class path), and
 * {@code io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest} (template.yaml's JVM handler)
 * invoked with API Gateway events, in the prod profile.
 * <p>
 * Why not {@code @QuarkusIntegrationTest}: a Funqy Lambda packaged for the JVM starts no poll loop
 * (AWS's runtime calls the handler), so the mock event server would never be answered. For a
 * native build, {@code @QuarkusIntegrationTest} does work: the native binary polls. Runs only when
 * the artifact is the JVM one (not with -Dnative).
 */
@EnabledIf("io.ctf.deploy.FunctionZipIT#jvmArtifact")
class FunctionZipIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "it-webhook-secret";

    static URLClassLoader function;
    static Object handler;
    static Method handleRequest;
    static Class<?> contextType;

    static boolean jvmArtifact() throws IOException {
        Path properties = Path.of("target/quarkus-artifact.properties");
        return Files.exists(Path.of("target/function.zip")) && Files.exists(properties)
                && Files.readString(properties).contains("type=jar");
    }

    @BeforeAll
    static void loadTheFunctionAsLambdaDoes() throws Exception {
        Path root = unzip(Path.of("target/function.zip"), Path.of("target/function-zip-it"));
        List<URL> classPath = new ArrayList<>();
        classPath.add(root.toUri().toURL());
        try (Stream<Path> libs = Files.list(root.resolve("lib"))) {
            for (Path jar : (Iterable<Path>) libs.filter(p -> p.toString().endsWith(".jar")).sorted()::iterator) {
                classPath.add(jar.toUri().toURL());
            }
        }
        // The environment Lambda would give it (system properties: the JVM's environment is fixed).
        System.setProperty("quarkus.funqy.export", "receiveWebhook");
        System.setProperty("composio.webhook.secret", SECRET);
        function = new URLClassLoader("function.zip", classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(function);
        Class<?> handlerType = Class.forName("io.quarkus.funqy.lambda.FunqyStreamHandler", true, function);
        contextType = Class.forName("com.amazonaws.services.lambda.runtime.Context", false, function);
        handler = handlerType.getConstructor().newInstance();
        handleRequest = handlerType.getMethod("handleRequest", InputStream.class, java.io.OutputStream.class, contextType);
    }

    @AfterAll
    static void unload() throws Exception {
        System.clearProperty("quarkus.funqy.export");
        System.clearProperty("composio.webhook.secret");
        Class.forName("io.quarkus.runtime.Quarkus", true, function).getMethod("asyncExit").invoke(null);
        function.close();
    }

    @Test
    void anAuthenticDeliveryIsAcknowledgedWithItsReceipt() throws Exception {
        String body = "{\"id\":\"evt_1\",\"type\":\"composio.trigger.message\",\"timestamp\":\"2026-11-23T12:00:00Z\","
                + "\"metadata\":{\"trigger_slug\":\"GITHUB_COMMIT_EVENT\",\"trigger_id\":\"ti_1\",\"connected_account_id\":\"ca_1\","
                + "\"user_id\":\"u_1\",\"log_id\":\"log_1\"},\"data\":{\"sha\":\"abc\"}}";
        JsonNode answer = invoke(Fixtures.signedEvent(SECRET, "msg_zip_1", Instant.now().getEpochSecond(), body).toString());

        assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        assertThat(answer.path("headers").path("content-type").asText()).isEqualTo("application/json");
        assertThat(answer.path("body").asText())
                .isEqualTo("{\"id\":\"msg_zip_1\",\"version\":\"V3\",\"type\":\"composio.trigger.message\",\"duplicate\":false}");
    }

    @Test
    void aForgedDeliveryIs401() throws Exception {
        JsonNode answer = invoke(Fixtures.signedEvent("not-the-secret", "msg_zip_2", Instant.now().getEpochSecond(), "{\"a\":1}").toString());

        assertThat(answer.path("statusCode").asInt()).isEqualTo(401);
        assertThat(answer.path("body").asText()).isEqualTo("{\"error\":\"no valid signature\"}");
    }

    @Test
    void otherMethodsAre405() throws Exception {
        JsonNode answer = invoke(Fixtures.gatewayEvent("GET", Map.of(), null, false).toString());

        assertThat(answer.path("statusCode").asInt()).isEqualTo(405);
    }

    static JsonNode invoke(String event) throws Exception {
        var out = new ByteArrayOutputStream();
        Object context = Proxy.newProxyInstance(function, new Class<?>[]{contextType}, (proxy, method, args) -> switch (method.getName()) {
            case "getAwsRequestId" -> "it-" + System.nanoTime();
            case "getFunctionName" -> "receiveWebhook";
            case "getRemainingTimeInMillis", "getMemoryLimitInMB" -> 10_000;
            case "toString" -> "LambdaContext";
            case "hashCode" -> 0;
            case "equals" -> proxy == args[0];
            default -> null;
        });
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(function);
        try {
            handleRequest.invoke(handler, new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        return JSON.readTree(out.toByteArray());
    }

    static Path unzip(Path zip, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        try (var in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return root;
    }
}
