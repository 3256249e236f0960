package io.ctf.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * target/function.zip loaded as Lambda's java21 runtime loads it: unpacked, its root and lib/*.jar
 * on a class path of their own (nothing from the test class path), template.yaml's JVM handler
 * ({@code io.ctf.lambda.FunctionHandler::handleRequest}) called with an event, in the prod profile.
 * One function at a time: {@link #close()} stops its Quarkus before the next is loaded.
 */
final class PackagedFunction implements AutoCloseable {

    static final String HANDLER = "io.ctf.lambda.FunctionHandler";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Map<String, String> environment;
    private final URLClassLoader loader;
    private final Object handler;
    private final Method handleRequest;
    private final Class<?> contextType;

    static boolean jvmArtifactBuilt() throws IOException {
        Path properties = Path.of("target/quarkus-artifact.properties");
        return Files.exists(Path.of("target/function.zip")) && Files.exists(properties)
                && Files.readString(properties).contains("type=jar");
    }

    /** Loads the zip for function {@code name}; {@code environment} as config (the JVM's own environment is fixed). */
    PackagedFunction(String name, Map<String, String> environment) throws Exception {
        this.name = name;
        this.environment = environment;
        Path root = unzip(Path.of("target/function.zip"), Path.of("target/function-zip-it"));
        List<URL> classPath = new ArrayList<>();
        classPath.add(root.toUri().toURL());
        try (Stream<Path> libs = Files.list(root.resolve("lib"))) {
            for (Path jar : (Iterable<Path>) libs.filter(p -> p.toString().endsWith(".jar")).sorted()::iterator) {
                classPath.add(jar.toUri().toURL());
            }
        }
        System.setProperty("quarkus.funqy.export", name);
        environment.forEach(System::setProperty);
        loader = new URLClassLoader("function.zip", classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Class<?> handlerType = Class.forName(HANDLER, true, loader);
            contextType = Class.forName("com.amazonaws.services.lambda.runtime.Context", false, loader);
            handler = handlerType.getConstructor().newInstance();
            handleRequest = handlerType.getMethod("handleRequest", InputStream.class, java.io.OutputStream.class, contextType);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Invokes the function; a function error comes out as the exception the handler threw. */
    JsonNode invoke(String event) throws Throwable {
        var out = new ByteArrayOutputStream();
        Object context = Proxy.newProxyInstance(loader, new Class<?>[]{contextType}, (proxy, method, args) -> switch (method.getName()) {
            case "getAwsRequestId" -> "it-" + System.nanoTime();
            case "getFunctionName" -> name;
            case "getRemainingTimeInMillis", "getMemoryLimitInMB" -> 10_000;
            case "toString" -> "LambdaContext";
            case "hashCode" -> 0;
            case "equals" -> proxy == args[0];
            default -> null;
        });
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            handleRequest.invoke(handler, new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        return JSON.readTree(out.toByteArray());
    }

    @Override
    public void close() throws Exception {
        System.clearProperty("quarkus.funqy.export");
        environment.keySet().forEach(System::clearProperty);
        Class.forName("io.quarkus.runtime.Quarkus", true, loader).getMethod("asyncExit").invoke(null);
        // The loader stays open: the packaged Quarkus and Vert.x leave JVM shutdown hooks that load
        // their classes when this test JVM exits; with the loader closed they failed with
        // NoClassDefFoundError traces at the end of a green verify.
    }

    /** Unpacks {@code zip} into {@code into} as Lambda does (entries outside it refused); returns the root. */
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
