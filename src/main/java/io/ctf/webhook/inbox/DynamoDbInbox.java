package io.ctf.webhook.inbox;

import io.ctf.webhook.EventSink;
import io.ctf.webhook.StoreNotConfigured;
import io.ctf.webhook.WebhookEvent;
import io.quarkus.arc.properties.UnlessBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

/**
 * The inbox: one DynamoDB item per {@code webhook-id}, written with a conditional put so that
 * storing and de-duplicating are one atomic step, whichever Lambda container gets which copy.
 * A refused condition is a duplicate; any other failure is thrown, so receiveWebhook answers 503
 * and Composio delivers again. Replaced by the log-only {@code LogEventSink} only when built with
 * {@code -Dinbox.store=log}.
 */
@ApplicationScoped
@UnlessBuildProperty(name = "inbox.store", stringValue = "log", enableIfMissing = true)
public class DynamoDbInbox implements EventSink {

    private static final Logger LOG = Logger.getLogger(DynamoDbInbox.class);

    /** The item's key: Composio's {@code webhook-id}. */
    public static final String ID = "id";
    /** The TTL attribute: epoch seconds after which DynamoDB deletes the item. */
    public static final String EXPIRES_AT = "expires_at";

    @Inject
    InboxConfig config;

    @Inject
    InboxClient client;

    @Inject
    InstantSource clock;

    private volatile boolean firstWrite = true;

    @Override
    public boolean store(WebhookEvent event) {
        String table = config.table().filter(t -> !t.isBlank()).orElseThrow(() -> new StoreNotConfigured(
                "INBOX_TABLE is not set: deliveries are answered 503 until the inbox table is configured"));
        var put = PutItemRequest.builder()
                .tableName(table)
                .item(item(event, clock.instant(), config.retention()))
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", ID))
                .build();
        try {
            long start = System.nanoTime();
            client.get().putItem(put);
            if (firstWrite) {
                firstWrite = false;
                // The first write pays for the client and the SDK's first request: the store's cold-start cost.
                // %s, not %d: a first %d loads the locale's number symbols, about 1 ms of a native cold start (docs/native.md).
                LOG.infof("first inbox write took %s ms", (System.nanoTime() - start) / 1_000_000);
            }
            if (LOG.isDebugEnabled()) {
                LOG.debugf("stored event %s: %s %s, trigger %s %s, toolkit %s, account %s, user %s, time %s",
                        event.id(), event.version(), event.type(), event.triggerSlug(), event.triggerId(),
                        event.toolkit(), event.connectedAccountId(), event.userId(), event.time());
            }
            return true;
        } catch (ConditionalCheckFailedException alreadyStored) {
            LOG.debugf("event %s was already stored: duplicate", event.id());
            return false;
        }
    }

    /**
     * The normalised fields as top-level string attributes (absent when the payload version has
     * none), so consumers and EventBridge Pipes filters need not parse the payload, plus the raw
     * payload exactly as signed. The normalised {@code data} is not stored again: it is inside the
     * payload, and twice a 256 KB body would break DynamoDB's 400 KB item limit.
     */
    static Map<String, AttributeValue> item(WebhookEvent event, Instant received, Duration retention) {
        Map<String, AttributeValue> item = new HashMap<>(16);
        item.put(ID, s(event.id()));
        put(item, "version", event.version());
        put(item, "type", event.type());
        put(item, "trigger_slug", event.triggerSlug());
        put(item, "trigger_id", event.triggerId());
        put(item, "connected_account_id", event.connectedAccountId());
        put(item, "auth_config_id", event.authConfigId());
        put(item, "user_id", event.userId());
        put(item, "toolkit", event.toolkit());
        put(item, "time", event.time());
        put(item, "log_id", event.logId());
        put(item, "received_at", received.toString());
        item.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(received.plus(retention).getEpochSecond())));
        put(item, "payload", event.payload());
        return item;
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
