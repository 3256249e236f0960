package io.ctf.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One delivery, whatever its payload version, in one shape. {@code id} is Composio's
 * {@code webhook-id}: the same on every retry, so it is the idempotency key. Fields a payload
 * version does not carry are null. {@code payload} is the body exactly as received.
 */
@RegisterForReflection
public record WebhookEvent(
        String id,
        String version,
        String type,
        String triggerSlug,
        String triggerId,
        String connectedAccountId,
        String authConfigId,
        String userId,
        String toolkit,
        String time,
        String logId,
        JsonNode data,
        String payload) {

    public static final String V1 = "V1";
    public static final String V2 = "V2";
    public static final String V3 = "V3";
    /** The seed's admin events: {@code {"event": {"body": {"type": "connected_account.add.start", ...}}}}. */
    public static final String ADMIN = "ADMIN";
    public static final String UNKNOWN = "UNKNOWN";

    /** The event type V1 and V2 trigger deliveries are given, the same as V3's, so consumers filter on one. */
    public static final String TRIGGER_MESSAGE = "composio.trigger.message";
    public static final String UNKNOWN_TYPE = "unknown";
}
