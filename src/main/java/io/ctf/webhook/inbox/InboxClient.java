package io.ctf.webhook.inbox;

import io.ctf.lambda.AwsCredentials;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The inbox's DynamoDB client, built on first use (the first delivery), never at start-up: a
 * Lambda that is started but refuses a delivery before storing (bad signature) never pays for it.
 * Everything the SDK would otherwise discover is given to it (HTTP client, region, credentials
 * provider), which keeps the first call short and avoids ServiceLoader look-ups and metadata probes.
 */
@ApplicationScoped
public class InboxClient {

    private static final Logger LOG = Logger.getLogger(InboxClient.class);

    @Inject
    InboxConfig config;

    /** Only in dev mode: the in-process DynamoDB Local. */
    @Inject
    Instance<LocalInboxStore> localStore;

    private DynamoDbClient client;

    public synchronized DynamoDbClient get() {
        if (client == null) {
            Optional<URI> endpoint = config.endpoint();
            if (endpoint.isEmpty() && localStore.isResolvable()) {
                endpoint = Optional.of(localStore.get().endpointWithTable(config.table().orElseThrow()));
            }
            long start = System.nanoTime();
            client = build(endpoint);
            // Part of this container's cold start, logged once: see docs/performance.md's measurements.
            // %s, not %d: a first %d loads the locale's number symbols, about 1 ms of a native cold start (docs/native.md).
            LOG.infof("inbox DynamoDB client built in %s ms", (System.nanoTime() - start) / 1_000_000);
        }
        return client;
    }

    private DynamoDbClient build(Optional<URI> endpoint) {
        Duration timeout = config.timeout();
        var builder = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(timeout))
                .overrideConfiguration(o -> o.apiCallTimeout(timeout))
                .region(region(endpoint.isPresent()))
                .credentialsProvider(AwsCredentials.forLocalEndpoint(endpoint.isPresent()));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private Region region(boolean local) {
        return config.region().filter(r -> !r.isBlank()).map(Region::of)
                .or(() -> local ? Optional.of(Region.US_EAST_1) : Optional.empty())
                .orElseThrow(() -> new IllegalStateException(
                        "no region for the inbox table: set AWS_REGION (Lambda sets it) or INBOX_REGION"));
    }


    /** Whether the client exists yet (it is built by the first {@link #get()}). */
    public synchronized boolean isBuilt() {
        return client != null;
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
