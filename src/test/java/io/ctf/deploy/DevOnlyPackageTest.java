package io.ctf.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local loop (io.ctf.local) stays out of every packaged artifact: the jar leaves out exactly its
 * classes, and nothing else of ours refers to one of them, so the native build (which compiles
 * what the prod build reaches) cannot reach it either. PackedFunctionZipIT checks the result.
 */
class DevOnlyPackageTest {

    static final Path CLASSES = Path.of("target/classes");
    static final String PACKAGE = "io/ctf/local/";

    @Test
    void thePackagedJarLeavesOutEveryClassOfTheLocalLoop() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(CLASSES.resolve("application.properties"))) {
            properties.load(in);
        }
        List<String> ignored = Stream.of(properties.getProperty("quarkus.package.jar.user-configured-ignored-entries", "")
                .split(",")).map(String::trim).filter(s -> !s.isEmpty()).sorted().toList();

        assertThat(ignored).as("quarkus.package.jar.user-configured-ignored-entries")
                .isNotEmpty()
                .containsExactlyElementsOf(localClasses());
    }

    @Test
    void noClassOutsideTheLocalLoopRefersToIt() throws IOException {
        try (Stream<Path> all = Files.walk(CLASSES)) {
            List<String> referring = all.filter(p -> p.toString().endsWith(".class"))
                    .filter(p -> !entry(p).startsWith(PACKAGE))
                    .filter(DevOnlyPackageTest::mentionsTheLocalLoop)
                    .map(DevOnlyPackageTest::entry)
                    .toList();
            assertThat(referring).isEmpty();
        }
    }

    static List<String> localClasses() throws IOException {
        try (Stream<Path> local = Files.walk(CLASSES.resolve(PACKAGE))) {
            return local.filter(Files::isRegularFile).map(DevOnlyPackageTest::entry).sorted().toList();
        }
    }

    static boolean mentionsTheLocalLoop(Path classFile) {
        try {
            String constants = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
            return constants.contains("io/ctf/local") || constants.contains("io.ctf.local");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String entry(Path p) {
        return CLASSES.relativize(p).toString().replace('\\', '/');
    }
}
