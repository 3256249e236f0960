package io.ctf.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Properties;

/**
 * Dev mode's event server settings, read from application.properties' {@code %dev} lines, for a test
 * profile: Quarkus's mock event server off, the poll loop pointed at {@link LambdaEventServer} (which
 * listens where the poll loop polls) on a free port instead of the dev port. So the tests run what
 * dev mode runs, not a copy of it.
 */
final class DevEventServerConfig {

    static final String ENABLED = "quarkus.lambda.mock-event-server.enabled";
    static final String RUNTIME_API = "quarkus-internal.aws-lambda.test-api";
    static final String DEV_PORT = "${quarkus.lambda.mock-event-server.dev-port}";

    /** Found once, so every call (Quarkus may ask a profile more than once) names the same port. */
    private static final int PORT = freePort();

    private DevEventServerConfig() {
    }

    static Map<String, String> overrides() {
        Properties properties = new Properties();
        try (InputStream in = DevEventServerConfig.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String enabled = properties.getProperty("%dev." + ENABLED);
        String runtimeApi = properties.getProperty("%dev." + RUNTIME_API);
        if (enabled == null || runtimeApi == null || !runtimeApi.contains(DEV_PORT)) {
            throw new IllegalStateException("application.properties sets no %dev." + ENABLED + " or no %dev."
                    + RUNTIME_API + " on " + DEV_PORT);
        }
        return Map.of(ENABLED, enabled, RUNTIME_API, runtimeApi.replace(DEV_PORT, Integer.toString(PORT)));
    }

    /**
     * Not the test port: Quarkus's own server, started for an earlier test's profile, may still hold
     * it (Quarkus keeps it across profiles), and the command line's test port outranks a profile.
     * The poll loop must be told the port before the server listens, hence one found free now
     * rather than port 0.
     */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
