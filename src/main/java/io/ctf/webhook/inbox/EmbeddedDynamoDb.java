package io.ctf.webhook.inbox;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.file.Path;

/**
 * Dev mode only ({@code ./mvnw quarkus:dev}): a DynamoDB Local in this JVM, started with the first
 * delivery, so the local run stores and de-duplicates through the production code and SDK with no
 * AWS account. Its files live in {@code target/dynamodb-local}, so stored events survive live reload.
 * It listens on 127.0.0.1 only, unless {@code local.listen-on-all-interfaces} (docs/local.md).
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class EmbeddedDynamoDb implements LocalInboxStore {

    private static final Logger LOG = Logger.getLogger(EmbeddedDynamoDb.class);

    @ConfigProperty(name = "local.listen-on-all-interfaces", defaultValue = "false")
    boolean allInterfaces;

    private LocalDynamoDb server;

    @Override
    public synchronized URI endpointWithTable(String table) {
        if (server == null) {
            Path files = Path.of("target", "dynamodb-local").toAbsolutePath();
            server = LocalDynamoDb.inDirectory(files, allInterfaces);
            server.createInboxTable(table);
            LOG.infof("inbox: DynamoDB Local at %s (listening on %s), table %s, files in %s", server.endpoint(),
                    allInterfaces ? "every interface" : "127.0.0.1 only", table, files);
        }
        return server.endpoint();
    }

    @PreDestroy
    synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
