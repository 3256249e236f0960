package io.ctf.events;

import io.ctf.lambda.AwsCredentials;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

import java.time.Duration;

/**
 * The EventBridge client, built on the first batch, never at start-up (as the inbox's DynamoDB
 * client is). HTTP client, region and credentials provider are given, so the SDK discovers nothing.
 * The endpoint is left to the SDK: it honours {@code AWS_ENDPOINT_URL_EVENTBRIDGE}.
 */
@ApplicationScoped
public class EventBusClient {

    private static final Logger LOG = Logger.getLogger(EventBusClient.class);

    @Inject
    EventsConfig config;

    private EventBridgeClient client;

    public synchronized EventBridgeClient get() {
        if (client == null) {
            long start = System.nanoTime();
            client = build();
            // %s, not %d: a first %d loads the locale's number symbols, about 1 ms of a native cold start (docs/native.md).
            LOG.infof("EventBridge client built in %s ms", (System.nanoTime() - start) / 1_000_000);
        }
        return client;
    }

    private EventBridgeClient build() {
        Duration timeout = config.timeout();
        return EventBridgeClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5)))
                .overrideConfiguration(o -> o.apiCallTimeout(timeout))
                .region(region())
                .credentialsProvider(AwsCredentials.forLambda())
                .build();
    }

    private Region region() {
        return config.region().filter(r -> !r.isBlank()).map(Region::of)
                .orElseThrow(() -> new EventBusNotConfigured(
                        "no region for the event bus: set AWS_REGION (Lambda sets it) or EVENT_REGION"));
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
