package io.ctf.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * Step 3: an authentic body, whatever Composio's payload version, becomes one {@link WebhookEvent}.
 * An authentic JSON object of a shape not known here is kept as type {@code unknown} rather than
 * refused: it may be a payload version newer than this code, and Composio retries every non-2xx,
 * so refusing it would lose it once Composio gives up. A body that is no JSON object at all (an
 * array, a scalar, not JSON) is refused with 400: every Composio payload version is an object, so
 * it can be no Composio event, and Composio's SDK refuses it too (ComposioWebhookPayloadError).
 */
final class EventNormaliser {

    private final ObjectMapper json;

    EventNormaliser(ObjectMapper json) {
        this.json = json;
    }

    WebhookEvent normalise(SignedDelivery delivery) {
        if (delivery.body().length == 0) {
            throw new WebhookRejected(400, "body is empty");
        }
        JsonNode root;
        try {
            root = json.readTree(delivery.body());
        } catch (IOException e) {
            throw new WebhookRejected(400, "body is not JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw new WebhookRejected(400, "body is not JSON");
        }
        String payload = new String(delivery.body(), StandardCharsets.UTF_8);
        String id = delivery.id();
        if (!root.isObject()) {
            throw new WebhookRejected(400, "body is not a JSON object");
        }
        if (isV3(root)) {
            return v3(id, root, payload);
        }
        if (root.path("trigger_name").isTextual() && root.has("payload")) {
            return v1(id, root, payload, delivery.timestamp());
        }
        if (root.path("type").isTextual() && root.path("data").isObject()) {
            return v2(id, root, payload);
        }
        if (root.path("event").path("body").path("type").isTextual()) {
            return admin(id, root, payload);
        }
        return unknown(id, root, payload);
    }

    private static boolean isV3(JsonNode root) {
        JsonNode type = root.path("type");
        return type.isTextual() && (type.asText().startsWith("composio.") || root.path("metadata").isObject());
    }

    /** {@code {id, timestamp, type, metadata: {trigger_slug, trigger_id, connected_account_id, ...}, data}}. */
    private static WebhookEvent v3(String id, JsonNode root, String payload) {
        JsonNode meta = root.path("metadata");
        JsonNode data = root.path("data");
        String slug = text(meta, "trigger_slug");
        return new WebhookEvent(id, WebhookEvent.V3, root.path("type").asText(),
                slug,
                first(text(meta, "trigger_id"), text(data, "trigger_id")),
                first(text(meta, "connected_account_id"), text(data, "connected_account_id")),
                first(text(meta, "auth_config_id"), text(data, "auth_config_id")),
                first(text(meta, "user_id"), text(data, "user_id")),
                first(text(meta, "toolkit_slug"), text(data, "toolkit_slug"), toolkitOf(slug)),
                text(root, "timestamp"),
                first(text(meta, "log_id"), text(root, "log_id")),
                EventData.of(WebhookEvent.V3, root),
                payload);
    }

    /** {@code {type: "<trigger slug, lower case>", timestamp, log_id, data: {..., connection_nano_id, trigger_nano_id, user_id}}}. */
    private static WebhookEvent v2(String id, JsonNode root, String payload) {
        JsonNode data = root.path("data");
        String slug = root.path("type").asText().toUpperCase(Locale.ROOT);
        return new WebhookEvent(id, WebhookEvent.V2, WebhookEvent.TRIGGER_MESSAGE,
                slug,
                first(text(data, "trigger_nano_id"), text(data, "trigger_id")),
                first(text(data, "connection_nano_id"), text(data, "connection_id")),
                text(data, "auth_config_id"),
                text(data, "user_id"),
                toolkitOf(slug),
                text(root, "timestamp"),
                text(root, "log_id"),
                EventData.of(WebhookEvent.V2, root),
                payload);
    }

    /** {@code {trigger_name, trigger_id, connection_id, payload, log_id?}}: no time of its own, so the delivery's. */
    private static WebhookEvent v1(String id, JsonNode root, String payload, String deliveryTimestamp) {
        String slug = root.path("trigger_name").asText().toUpperCase(Locale.ROOT);
        return new WebhookEvent(id, WebhookEvent.V1, WebhookEvent.TRIGGER_MESSAGE,
                slug,
                text(root, "trigger_id"),
                text(root, "connection_id"),
                null,
                null,
                toolkitOf(slug),
                epochSecondsToIso(deliveryTimestamp),
                text(root, "log_id"),
                EventData.of(WebhookEvent.V1, root),
                payload);
    }

    /** {@code {event: {body: {type: "connected_account.add.start", timestamp, data: {app_name, connected_account_id, ...}}}}}. */
    private static WebhookEvent admin(String id, JsonNode root, String payload) {
        JsonNode body = root.path("event").path("body");
        JsonNode data = body.path("data");
        return new WebhookEvent(id, WebhookEvent.ADMIN, body.path("type").asText(),
                null, null,
                text(data, "connected_account_id"),
                null,
                text(data, "user_id"),
                text(data, "app_name"),
                text(body, "timestamp"),
                null,
                EventData.of(WebhookEvent.ADMIN, root),
                payload);
    }

    private static WebhookEvent unknown(String id, JsonNode root, String payload) {
        return new WebhookEvent(id, WebhookEvent.UNKNOWN, WebhookEvent.UNKNOWN_TYPE,
                null, null, null, null, null, null, null, null, EventData.of(WebhookEvent.UNKNOWN, root), payload);
    }

    /**
     * Composio's trigger slugs start with their toolkit's slug ({@code GITHUB_PUSH_EVENT} → {@code github}).
     * Used only where the payload does not name the toolkit itself.
     */
    static String toolkitOf(String triggerSlug) {
        if (triggerSlug == null || triggerSlug.isEmpty()) {
            return null;
        }
        int cut = triggerSlug.indexOf('_');
        return (cut > 0 ? triggerSlug.substring(0, cut) : triggerSlug).toLowerCase(Locale.ROOT);
    }

    private static String epochSecondsToIso(String seconds) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(seconds.trim())).toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isEmpty()) {
                return candidate;
            }
        }
        return null;
    }
}
