package io.ctf.lambda;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The JVM function.zip as the build leaves it (scripts/PackFunctionZip.java): one stored jar in lib/,
 * and, on a class path made as Lambda's runtime makes it, the handler, the service files of every
 * original jar and the licences all still there.
 */
class PackedFunctionZipIT {

    static final Path ZIP = Path.of("target/function.zip");
    static Path unpacked;

    @BeforeAll
    static void unpack() throws IOException {
        assumeTrue(Files.isRegularFile(ZIP), "no target/function.zip");
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            assumeTrue(zip.getEntry("bootstrap") == null, "a native function.zip");
            unpacked = Files.createTempDirectory("function-zip");
            for (ZipEntry e : zip.stream().toList()) {
                Path target = unpacked.resolve(e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, target);
                }
            }
        }
    }

    @Test
    void libHoldsOneStoredJar() throws IOException {
        try (var libs = Files.list(unpacked.resolve("lib"))) {
            assertThat(libs.map(p -> p.getFileName().toString())).containsExactly("function-libs.jar");
        }
        try (JarFile jar = new JarFile(unpacked.resolve("lib/function-libs.jar").toFile())) {
            assertThat(jar.stream().filter(e -> !e.isDirectory())).allMatch(e -> e.getMethod() == ZipEntry.STORED);
            assertThat(jar.getManifest().getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
            assertThat(jar.getEntry("META-INF/INDEX.LIST")).isNull();
            assertThat(jar.stream().filter(e -> e.getName().startsWith("META-INF/licenses/")).count()).isGreaterThan(50);
        }
    }

    @Test
    void theClassPathLambdaBuildsFindsTheHandlerAndEveryServiceProvider() throws Exception {
        List<URL> classPath = new ArrayList<>();
        classPath.add(unpacked.toUri().toURL());
        classPath.add(unpacked.resolve("lib/function-libs.jar").toUri().toURL());
        try (URLClassLoader loader = new URLClassLoader(classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThat(Class.forName("io.quarkus.funqy.lambda.FunqyStreamHandler", false, loader)).isNotNull();
            assertThat(Class.forName("io.ctf.composio.ComposioApi", false, loader)).isNotNull();

            // Four jars each declared one Jackson module: all four are still found.
            Class<?> module = Class.forName("com.fasterxml.jackson.databind.Module", false, loader);
            List<String> modules = ServiceLoader.load(module, loader).stream().map(p -> p.type().getName()).toList();
            assertThat(modules).containsExactlyInAnyOrder(
                    "com.fasterxml.jackson.datatype.jdk8.Jdk8Module",
                    "com.fasterxml.jackson.datatype.joda.JodaModule",
                    "com.fasterxml.jackson.datatype.jsr310.JavaTimeModule",
                    "com.fasterxml.jackson.module.paramnames.ParameterNamesModule");

            // The REST client's JAX-RS client builder, declared by two jars.
            Class<?> clientBuilder = Class.forName("jakarta.ws.rs.client.ClientBuilder", false, loader);
            assertThat(ServiceLoader.load(clientBuilder, loader).stream().map(p -> p.type().getName()).distinct().toList())
                    .containsExactly("org.jboss.resteasy.reactive.client.impl.ClientBuilderImpl");

            // Netty reads every jar's version properties; each Netty artifact is still listed.
            var versions = new java.util.Properties();
            try (InputStream in = loader.getResourceAsStream("META-INF/io.netty.versions.properties")) {
                versions.load(in);
            }
            assertThat(versions.stringPropertyNames())
                    .contains("netty-common.version", "netty-transport.version", "netty-codec-http.version", "netty-handler.version");
        }
    }

    /**
     * The local loop of dev mode (io.ctf.local) is not shipped: none of its classes is in the zip
     * (root or merged jar), and no class shipped refers to one, so Lambda can reach none of it.
     */
    @Test
    void theLocalLoopOfDevModeIsNotInTheZip() throws IOException {
        List<String> local = new ArrayList<>();
        List<String> referring = new ArrayList<>();
        try (var files = Files.walk(unpacked)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = unpacked.relativize(file).toString().replace('\\', '/');
                if (name.startsWith("io/ctf/local/")) {
                    local.add(name);
                } else if (name.endsWith(".class") && mentionsTheLocalLoop(Files.readAllBytes(file))) {
                    referring.add(name);
                }
            }
        }
        try (JarFile jar = new JarFile(unpacked.resolve("lib/function-libs.jar").toFile())) {
            for (ZipEntry e : jar.stream().filter(e -> !e.isDirectory()).toList()) {
                if (e.getName().startsWith("io/ctf/local/")) {
                    local.add("lib/function-libs.jar!/" + e.getName());
                } else if (e.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(e)) {
                        if (mentionsTheLocalLoop(in.readAllBytes())) {
                            referring.add("lib/function-libs.jar!/" + e.getName());
                        }
                    }
                }
            }
        }
        assertThat(local).as("classes of io.ctf.local in function.zip").isEmpty();
        assertThat(referring).as("classes in function.zip that refer to io.ctf.local").isEmpty();
        assertThat(unpacked.resolve("io/ctf/webhook/ReceiveWebhookFunction.class")).as("the scan saw our classes").exists();
    }

    static boolean mentionsTheLocalLoop(byte[] classFile) {
        String constants = new String(classFile, java.nio.charset.StandardCharsets.ISO_8859_1);
        return constants.contains("io/ctf/local") || constants.contains("io.ctf.local");
    }
}
