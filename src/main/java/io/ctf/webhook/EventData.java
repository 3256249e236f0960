package io.ctf.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * Where each payload version keeps its event's data. The inbox stores only the raw payload (not
 * the data a second time), so whoever reads an event back (publishEvents) finds its data here,
 * by the same rule the normaliser used when the delivery came in.
 */
public final class EventData {

    private EventData() {
    }

    /** The data of {@code root}, a payload of {@code version}; JSON null when it has none. */
    public static JsonNode of(String version, JsonNode root) {
        JsonNode data = switch (version) {
            case WebhookEvent.V3, WebhookEvent.V2 -> root.path("data");
            case WebhookEvent.V1 -> root.path("payload");
            case WebhookEvent.ADMIN -> root.path("event").path("body").path("data");
            default -> root;
        };
        return data == null || data.isMissingNode() ? NullNode.getInstance() : data;
    }
}
