package io.ctf.webhook.inbox;

import com.almworks.sqlite4java.SQLite;
import com.amazonaws.services.dynamodbv2.local.main.CommandLineInput;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DynamoDB Local ({@code com.amazonaws:DynamoDBLocal}) run inside this JVM on a free port, for the
 * local run and the tests. The dependency is {@code provided}: on the compile, dev-mode and test
 * class paths, never in the packaged function, and only dev mode and tests ever load this class.
 * It listens on 127.0.0.1 only unless asked for every interface (docs/local.md): the inbox holds
 * the deliveries' payloads.
 */
public final class LocalDynamoDb implements AutoCloseable {

    static final String LOOPBACK = "127.0.0.1";
    static final String ALL_INTERFACES = "0.0.0.0";

    private final DynamoDBProxyServer server;
    private final int port;
    private final Path dbDirectory;
    private final boolean allInterfaces;

    private LocalDynamoDb(DynamoDBProxyServer server, int port, Path dbDirectory, boolean allInterfaces) {
        this.server = server;
        this.port = port;
        this.dbDirectory = dbDirectory;
        this.allInterfaces = allInterfaces;
    }

    /** In memory, on 127.0.0.1: gone when stopped. */
    public static LocalDynamoDb inMemory() {
        return start(freePort(), null, false);
    }

    /**
     * Kept in files under {@code directory}, so events survive a restart (dev mode's live reload);
     * on 127.0.0.1, or on every interface when {@code allInterfaces}.
     */
    public static LocalDynamoDb inDirectory(Path directory, boolean allInterfaces) {
        return start(freePort(), directory, allInterfaces);
    }

    /** Started again on the same port (and directory), e.g. after {@link #close()} in a test of an outage. */
    public LocalDynamoDb restart() {
        return start(port, dbDirectory, allInterfaces);
    }

    public int port() {
        return port;
    }

    private static LocalDynamoDb start(int port, Path dbDirectory, boolean allInterfaces) {
        useSqliteNativesFromTheMavenRepository();
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-disableTelemetry"));
        if (dbDirectory == null) {
            args.add("-inMemory");
        } else {
            try {
                Files.createDirectories(dbDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            args.addAll(List.of("-sharedDb", "-dbPath", dbDirectory.toString()));
        }
        try {
            // ServerRunner.createServerFromCommandLineArgs would also print its settings on stdout
            // (nine lines per start, in every test run and on the dev console); the same server without.
            CommandLineInput input = new CommandLineInput(args.toArray(String[]::new));
            if (!input.init()) {
                throw new IllegalArgumentException("DynamoDB Local refused its arguments " + args);
            }
            DynamoDBProxyServer server = ServerRunner.createServer(input);
            listenOn(server, allInterfaces ? ALL_INTERFACES : LOOPBACK);
            server.start();
            return new LocalDynamoDb(server, port, dbDirectory, allInterfaces);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
        }
    }

    /** 127.0.0.1 rather than localhost, which may resolve to ::1, where it does not listen. */
    public URI endpoint() {
        return URI.create("http://" + LOOPBACK + ":" + port);
    }

    /**
     * DynamoDB Local has no host option: its server is a Jetty {@code Server(port)}, which listens on
     * every interface. Its connectors are given the host before it starts (Jetty's
     * {@code ServerConnector.setHost}), through reflection so that no Jetty class is compiled
     * against. Never falls back to every interface: it fails instead.
     */
    private static void listenOn(DynamoDBProxyServer server, String host) {
        try {
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            Object jetty = field.get(server);
            Object[] connectors = (Object[]) jetty.getClass().getMethod("getConnectors").invoke(jetty);
            if (connectors.length == 0) {
                throw new IllegalStateException("its Jetty server has no connector");
            }
            for (Object connector : connectors) {
                connector.getClass().getMethod("setHost", String.class).invoke(connector, host);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("DynamoDB Local cannot be made to listen on " + host
                    + " only: its server is not the Jetty server of DynamoDBLocal 2.6.1 this code knows", e);
        }
    }

    /** A client for this server, built as the inbox builds its own. */
    public DynamoDbClient client() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /**
     * Creates the inbox table as production has it (see docs/events.md): key {@code id}, on-demand,
     * a stream of new images, TTL on {@code expires_at}. Does nothing when it exists.
     */
    public void createInboxTable(String table) {
        try (DynamoDbClient ddb = client()) {
            try {
                ddb.createTable(t -> t.tableName(table)
                        .attributeDefinitions(AttributeDefinition.builder()
                                .attributeName(DynamoDbInbox.ID).attributeType(ScalarAttributeType.S).build())
                        .keySchema(KeySchemaElement.builder().attributeName(DynamoDbInbox.ID).keyType(KeyType.HASH).build())
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
                ddb.updateTimeToLive(u -> u.tableName(table)
                        .timeToLiveSpecification(s -> s.enabled(true).attributeName(DynamoDbInbox.EXPIRES_AT)));
            } catch (ResourceInUseException exists) {
                // Kept from an earlier run.
            }
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * DynamoDB Local stores through SQLite, whose native library Maven keeps next to the sqlite4java
     * jar in the local repository ({@code .../sqlite4java/libsqlite4java-linux-amd64/1.0.392/}).
     * Pointing sqlite4java there spares a copy step, so {@code ./mvnw quarkus:dev} alone works.
     */
    private static void useSqliteNativesFromTheMavenRepository() {
        if (System.getProperty("sqlite4java.library.path") != null) {
            return;
        }
        try {
            Path jar = Path.of(SQLite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path version = jar.getParent();
            Path group = version.getParent().getParent();
            Path natives = group.resolve(nativeArtifact()).resolve(version.getFileName());
            if (Files.isDirectory(natives)) {
                System.setProperty("sqlite4java.library.path", natives.toString());
            }
        } catch (URISyntaxException | RuntimeException e) {
            // Left to sqlite4java's own search, which names what it missed.
        }
    }

    private static String nativeArtifact() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean x64 = arch.contains("64");
        if (os.contains("win")) {
            return x64 ? "sqlite4java-win32-x64" : "sqlite4java-win32-x86";
        }
        if (os.contains("mac")) {
            return "libsqlite4java-osx";
        }
        return x64 ? "libsqlite4java-linux-amd64" : "libsqlite4java-linux-i386";
    }
}
