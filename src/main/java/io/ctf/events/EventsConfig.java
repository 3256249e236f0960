package io.ctf.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Where publishEvents puts events: {@code EVENT_BUS_NAME}, {@code EVENT_SOURCE}, {@code EVENT_REGION},
 * {@code EVENT_TIMEOUT}. The endpoint is the SDK's own business: {@code AWS_ENDPOINT_URL_EVENTBRIDGE}
 * (or the system property {@code aws.endpointUrlEventBridge}) overrides it for local runs and tests.
 */
@ConfigMapping(prefix = "event")
public interface EventsConfig {

    /**
     * The bus, by name or ARN. Without it publishEvents fails the whole batch (nothing acknowledged),
     * so Lambda keeps the records until the bus is configured or they reach the failure queue.
     */
    Optional<String> busName();

    /** Every entry's {@code Source}: the {@code source} a rule matches on. */
    @WithDefault("composio")
    String source();

    /** The bus's region; defaults to the Lambda's own ({@code AWS_REGION}, set by Lambda). */
    Optional<String> region();

    /**
     * Longest one PutEvents may take, the SDK's retries included; then the batch is not acknowledged
     * from the first unpublished record on, and Lambda delivers it again.
     */
    @WithDefault("10s")
    Duration timeout();
}
