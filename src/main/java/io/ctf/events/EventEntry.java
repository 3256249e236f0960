package io.ctf.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctf.webhook.EventData;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Step 3: one inbox item becomes one EventBridge entry. {@code Detail} is the normalised event in
 * snake_case with {@code data} as a JSON object; an entry over EventBridge's 256 KB is sent without
 * {@code data} and with {@code data_omitted: true}, so the consumer reads the item from the inbox by
 * {@code id}.
 */
record EventEntry(StreamRecord record, String eventId, PutEventsRequestEntry entry, int size, boolean dataOmitted) {

    /** Builds entries for one bus and source. */
    static final class Factory {

        private final ObjectMapper json;
        private final String busName;
        private final String source;

        Factory(ObjectMapper json, String busName, String source) {
            this.json = json;
            this.busName = busName;
            this.source = source;
        }

        /** The entry for {@code item}; a {@link InboxItem.NotAnInboxItem} when it cannot be one. */
        EventEntry of(StreamRecord record, InboxItem item) {
            JsonNode payload;
            try {
                payload = json.readTree(item.payload());
            } catch (IOException e) {
                throw new InboxItem.NotAnInboxItem("the item's payload is not JSON");
            }
            ObjectNode detail = detail(item);
            JsonNode data = payload == null ? null : EventData.of(item.version(), payload);
            if (data != null && !data.isNull()) {
                detail.set("data", data);
            }
            PutEventsRequestEntry entry = entry(item, detail);
            int size = EntrySize.of(entry);
            if (size <= EntrySize.LIMIT || !detail.has("data")) {
                return new EventEntry(record, item.id(), entry, size, false);
            }
            detail.remove("data");
            detail.put("data_omitted", true);
            PutEventsRequestEntry small = entry(item, detail);
            int smallSize = EntrySize.of(small);
            if (smallSize > EntrySize.LIMIT) {
                throw new InboxItem.NotAnInboxItem("the event is over EventBridge's 256 KB even without its data");
            }
            return new EventEntry(record, item.id(), small, smallSize, true);
        }

        private ObjectNode detail(InboxItem item) {
            ObjectNode detail = json.createObjectNode();
            put(detail, "id", item.id());
            put(detail, "version", item.version());
            put(detail, "type", item.type());
            put(detail, "trigger_slug", item.triggerSlug());
            put(detail, "trigger_id", item.triggerId());
            put(detail, "connected_account_id", item.connectedAccountId());
            put(detail, "auth_config_id", item.authConfigId());
            put(detail, "user_id", item.userId());
            put(detail, "toolkit", item.toolkit());
            put(detail, "time", item.time());
            put(detail, "log_id", item.logId());
            put(detail, "received_at", item.receivedAt());
            return detail;
        }

        private PutEventsRequestEntry entry(InboxItem item, ObjectNode detail) {
            try {
                return PutEventsRequestEntry.builder()
                        .eventBusName(busName)
                        .source(source)
                        .detailType(item.type())
                        .time(time(item.time()))
                        .detail(json.writeValueAsString(detail))
                        .build();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("event " + item.id() + " could not be written as JSON", e);
            }
        }

        private static void put(ObjectNode detail, String field, String value) {
            if (value != null) {
                detail.put(field, value);
            }
        }

        /** The event's own time where it has one EventBridge can take; otherwise EventBridge stamps its own. */
        private static Instant time(String time) {
            if (time == null) {
                return null;
            }
            try {
                return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(time, Instant::from);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
