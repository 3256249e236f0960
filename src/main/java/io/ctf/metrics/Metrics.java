package io.ctf.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The functions' metrics, as CloudWatch Embedded Metric Format records on stdout (CloudWatch Logs
 * extracts them; no API call, nothing on the network). Values are collected during an invocation
 * and written once, when it ends ({@link FunctionInvocation}); outside an invocation nothing is
 * recorded.
 * <p>
 * Written with AWS's aws-embedded-metrics library, told it runs on Lambda
 * ({@link LambdaEnvironment}): its environment detection (which probes the EC2/ECS metadata
 * endpoints on background threads) never runs, and its Lambda sink prints synchronously.
 * Its default dimensions (log group, function name) are replaced by ours, so every metric has
 * exactly the dimensions template.yaml's alarms name.
 */
@ApplicationScoped
public class Metrics {

    private static final Logger LOG = Logger.getLogger(Metrics.class);
    /** The key Quarkus's Lambda poll loop (and our JVM handler) puts the request id under. */
    public static final String REQUEST_ID_MDC = "AWSRequestId";

    @Inject
    MetricsConfig config;

    /** The invocation on this thread (Lambda runs one at a time; dev mode may run several). */
    private final ThreadLocal<Values> current = new ThreadLocal<>();
    private volatile Environment lambda;

    /** receiveWebhook's outcome, once per delivery; {@code storeLatency} is null when no write was attempted. */
    public void delivery(DeliveryOutcome outcome, Duration storeLatency) {
        Values values = current.get();
        if (values != null) {
            values.outcome = outcome;
            values.storeLatency = storeLatency;
        }
    }

    /** One attempt of a Composio call; {@code retry} when it was not the call's first attempt. */
    public void composioAttempt(ComposioStatus status, boolean retry) {
        Values values = current.get();
        if (values != null) {
            values.composioCalls.merge(status, 1, Integer::sum);
            if (retry) {
                values.composioRetries++;
            }
        }
    }

    /** publishEvents' batch: how many events were published, failed, or were too large to publish. */
    public void events(int published, int failed, int tooLarge) {
        Values values = current.get();
        if (values != null) {
            values.events = new int[]{published, failed, tooLarge};
        }
    }

    /** Starts collecting for the invocation on this thread; false if one is already open (a nested call). */
    boolean begin() {
        if (current.get() != null) {
            return false;
        }
        current.set(new Values());
        return true;
    }

    /** Writes what the invocation collected, once. A failure here never fails the function. */
    void end() {
        Values values = current.get();
        current.remove();
        if (values == null || !config.enabled()) {
            return;
        }
        try {
            write(values);
        } catch (RuntimeException e) {
            LOG.warnf("metrics not written: %s", e.toString());
        }
    }

    private void write(Values values) {
        if (values.outcome != null) {
            MetricsLogger record = record(DimensionSet.of(MetricNames.OUTCOME, values.outcome.value()));
            record.putMetric(MetricNames.DELIVERIES, 1, Unit.COUNT);
            if (values.storeLatency != null) {
                record.putMetric(MetricNames.STORE_LATENCY, values.storeLatency.toNanos() / 1e6, Unit.MILLISECONDS);
            }
            record.flush();
        }
        // One record per status class: a record carries one value per dimension.
        for (Map.Entry<ComposioStatus, Integer> calls : values.composioCalls.entrySet()) {
            MetricsLogger record = record(DimensionSet.of(MetricNames.STATUS, calls.getKey().value()));
            record.putMetric(MetricNames.COMPOSIO_CALLS, calls.getValue(), Unit.COUNT);
            record.flush();
        }
        if (!values.composioCalls.isEmpty()) {
            MetricsLogger record = record(new DimensionSet());
            record.putMetric(MetricNames.COMPOSIO_RETRIES, values.composioRetries, Unit.COUNT);
            record.flush();
        }
        if (values.events != null) {
            MetricsLogger record = record(new DimensionSet());
            record.putMetric(MetricNames.EVENTS_PUBLISHED, values.events[0], Unit.COUNT);
            record.putMetric(MetricNames.EVENTS_FAILED, values.events[1], Unit.COUNT);
            record.putMetric(MetricNames.EVENTS_TOO_LARGE, values.events[2], Unit.COUNT);
            record.flush();
        }
    }

    private MetricsLogger record(DimensionSet dimensions) {
        MetricsLogger record = new MetricsLogger(environment());
        record.setNamespace(config.namespace());
        record.setDimensions(dimensions);
        Object requestId = MDC.get(REQUEST_ID_MDC);
        if (requestId != null) {
            // A property, not a dimension: joins the record to the invocation's log lines.
            record.putProperty("requestId", requestId.toString());
        }
        return record;
    }

    /**
     * One record of each shape {@link #write} writes (a dimension or none, counts and a latency, the
     * request id), not written anywhere. Serialising them builds the EMF library's serializers (its
     * mapper is a static of its own), which a native build does at build time (io.ctf.nativeimage.JsonPriming).
     */
    public static List<MetricsContext> sampleRecords() {
        MetricsContext delivery = sample(DimensionSet.of(MetricNames.OUTCOME, DeliveryOutcome.STORED.value()));
        delivery.putMetric(MetricNames.DELIVERIES, 1, Unit.COUNT);
        delivery.putMetric(MetricNames.STORE_LATENCY, 1.5, Unit.MILLISECONDS);
        MetricsContext batch = sample(new DimensionSet());
        batch.putMetric(MetricNames.EVENTS_PUBLISHED, 1, Unit.COUNT);
        return List.of(delivery, batch);
    }

    /** Serialises {@link #sampleRecords()} and discards the JSON. */
    public static void primeSerializers() throws JsonProcessingException {
        for (MetricsContext record : sampleRecords()) {
            record.serialize();
        }
    }

    private static MetricsContext sample(DimensionSet dimensions) {
        MetricsContext context = new MetricsContext();
        context.setNamespace("priming");
        context.setDimensions(dimensions);
        context.putProperty("requestId", "priming");
        return context;
    }

    private Environment environment() {
        Environment env = lambda;
        if (env == null) {
            env = lambda = new LambdaEnvironment();
        }
        return env;
    }

    private static final class Values {
        DeliveryOutcome outcome;
        Duration storeLatency;
        final Map<ComposioStatus, Integer> composioCalls = new EnumMap<>(ComposioStatus.class);
        int composioRetries;
        int[] events;
    }
}
