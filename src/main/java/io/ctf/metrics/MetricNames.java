package io.ctf.metrics;

/**
 * The metrics and dimensions the functions emit: a contract (template.yaml's alarms and dashboard,
 * docs/operations.md). TemplateTest reads these constants to check the template names only these.
 */
public final class MetricNames {

    private MetricNames() {
    }

    public static final String DEFAULT_NAMESPACE = "ComposioTriggers";

    /** receiveWebhook: one per delivery, by {@link #OUTCOME} (a {@link DeliveryOutcome}). */
    public static final String DELIVERIES = "Deliveries";
    /** receiveWebhook: how long the inbox write took, when one was attempted, by {@link #OUTCOME}. */
    public static final String STORE_LATENCY = "StoreLatency";
    public static final String OUTCOME = "Outcome";

    /** Every attempt of a Composio call, by {@link #STATUS} (a {@link ComposioStatus}). */
    public static final String COMPOSIO_CALLS = "ComposioCalls";
    /** Attempts that were retries (no dimension). */
    public static final String COMPOSIO_RETRIES = "ComposioRetries";
    public static final String STATUS = "Status";

    /** publishEvents: per batch (no dimension). */
    public static final String EVENTS_PUBLISHED = "EventsPublished";
    public static final String EVENTS_FAILED = "EventsFailed";
    public static final String EVENTS_TOO_LARGE = "EventsTooLarge";
}
