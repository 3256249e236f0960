package io.ctf.nativeimage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native build's settings in application.properties, checked without native-image: every class
 * named for run-time initialisation exists on the class path (a renamed or removed SDK class would
 * otherwise fail the native build only), and TLS is in the image for both the REST client and the
 * AWS SDK's URL-connection client.
 */
class NativeConfigTest {

    static final String RUN_TIME_INIT = "--initialize-at-run-time=";

    @Test
    void everyClassInitialisedAtRunTimeExists() throws IOException {
        List<String> classes = runTimeInitialised();
        assertThat(classes).contains("software.amazon.awssdk.services.dynamodb.DynamoDbRetryPolicy");
        for (String name : classes) {
            assertThat(ClassPresence.present(name)).as("%s (named in %s) is on the class path", name, RUN_TIME_INIT).isTrue();
        }
    }

    @Test
    void theImageIsOptimisedForSize() throws IOException {
        // -Os keeps the native function.zip under 20 MB (19.0 MB against 22.7 MB at the default -O2).
        assertThat(buildArgs()).contains("-Os");
    }

    @Test
    void tlsIsInTheImageForEveryClient() throws IOException {
        Properties config = applicationProperties();
        assertThat(config.getProperty("quarkus.ssl.native")).isEqualTo("true");
        // HttpsURLConnection (the SDK's UrlConnectionHttpClient) needs the https: URL handler in the image.
        assertThat(config.getProperty("quarkus.native.enable-https-url-handler")).isEqualTo("true");
    }

    /** The classes of every {@code --initialize-at-run-time=} argument (Quarkus splits arguments at unescaped commas). */
    static List<String> runTimeInitialised() throws IOException {
        List<String> classes = new ArrayList<>();
        for (String arg : buildArgs()) {
            if (arg.startsWith(RUN_TIME_INIT)) {
                Arrays.stream(arg.substring(RUN_TIME_INIT.length()).split("\\\\,")).map(String::trim).forEach(classes::add);
            }
        }
        return classes;
    }

    /** {@code quarkus.native.additional-build-args}, one argument each (Quarkus splits at unescaped commas). */
    static List<String> buildArgs() throws IOException {
        String args = applicationProperties().getProperty("quarkus.native.additional-build-args", "");
        return Arrays.stream(args.split("(?<!\\\\),")).map(String::trim).filter(a -> !a.isEmpty()).toList();
    }

    static Properties applicationProperties() throws IOException {
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            config.load(in);
        }
        return config;
    }
}
