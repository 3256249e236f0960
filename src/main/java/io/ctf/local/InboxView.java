package io.ctf.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctf.webhook.inbox.DynamoDbInbox;
import io.ctf.webhook.inbox.InboxClient;
import io.ctf.webhook.inbox.InboxConfig;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The inbox table as receiveWebhook wrote it (the embedded DynamoDB Local in dev mode), read with
 * the inbox's own client. Each item as JSON: the normalised fields first, then {@code received_at},
 * {@code expires_at}, any attribute added later, and the payload last, parsed when it is JSON.
 */
final class InboxView {

    /** The order a person reads an event in; attributes not named here follow, before the payload. */
    private static final List<String> FIRST = List.of(DynamoDbInbox.ID, "version", "type", "trigger_slug", "trigger_id",
            "connected_account_id", "user_id", "toolkit", "time", "log_id", "received_at", DynamoDbInbox.EXPIRES_AT);
    private static final String PAYLOAD = "payload";

    private final InboxClient client;
    private final InboxConfig config;
    private final ObjectMapper json;

    InboxView(InboxClient client, InboxConfig config, ObjectMapper json) {
        this.client = client;
        this.config = config;
        this.json = json;
    }

    /** The {@code limit} newest events (by {@code received_at}). A local inbox is small: the table is scanned. */
    List<ObjectNode> newest(int limit) {
        String table = table();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        client.get().scanPaginator(s -> s.tableName(table).consistentRead(true)).items().forEach(items::add);
        return items.stream()
                .sorted(Comparator.comparing((Map<String, AttributeValue> i) -> text(i, "received_at"))
                        .thenComparing(i -> text(i, DynamoDbInbox.ID)).reversed())
                .limit(limit)
                .map(this::event)
                .toList();
    }

    Optional<ObjectNode> find(String id) {
        String table = table();
        Map<String, AttributeValue> item = client.get().getItem(g -> g.tableName(table).consistentRead(true)
                .key(Map.of(DynamoDbInbox.ID, AttributeValue.fromS(id)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(event(item));
    }

    private String table() {
        return config.table().filter(t -> !t.isBlank())
                .orElseThrow(() -> new IllegalStateException("INBOX_TABLE is not set: there is no inbox to read"));
    }

    private ObjectNode event(Map<String, AttributeValue> item) {
        ObjectNode event = json.createObjectNode();
        FIRST.stream().filter(item::containsKey).forEach(name -> put(event, name, item.get(name)));
        new TreeMap<>(item).forEach((name, value) -> {
            if (!FIRST.contains(name) && !name.equals(PAYLOAD)) {
                put(event, name, value);
            }
        });
        if (item.containsKey(PAYLOAD)) {
            String payload = item.get(PAYLOAD).s();
            try {
                event.set(PAYLOAD, json.readTree(payload));
            } catch (JsonProcessingException notJson) {
                event.put(PAYLOAD, payload);
            }
        }
        return event;
    }

    private static void put(ObjectNode event, String name, AttributeValue value) {
        if (value.s() != null) {
            event.put(name, value.s());
        } else if (value.n() != null) {
            event.put(name, new BigDecimal(value.n()));
        } else if (value.bool() != null) {
            event.put(name, value.bool());
        } else {
            event.put(name, value.toString());
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }
}
