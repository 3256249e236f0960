package io.ctf.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctf.webhook.inbox.DynamoDbInbox;

/**
 * Step 2: the inbox item a stream record's {@code NewImage} holds (see {@link DynamoDbInbox#item}):
 * string attributes, absent where the payload version has none.
 */
record InboxItem(String id, String version, String type, String triggerSlug, String triggerId,
                 String connectedAccountId, String authConfigId, String userId, String toolkit,
                 String time, String logId, String receivedAt, String payload) {

    /** Reads the item, or fails with {@link NotAnInboxItem} saying what is missing. */
    static InboxItem of(JsonNode image) {
        if (image == null) {
            throw new NotAnInboxItem("the record has no dynamodb.NewImage (is the stream's view type NEW_IMAGE?)");
        }
        return new InboxItem(required(image, DynamoDbInbox.ID), required(image, "version"), required(image, "type"),
                s(image, "trigger_slug"), s(image, "trigger_id"), s(image, "connected_account_id"),
                s(image, "auth_config_id"), s(image, "user_id"), s(image, "toolkit"), s(image, "time"),
                s(image, "log_id"), s(image, "received_at"), required(image, "payload"));
    }

    private static String required(JsonNode image, String name) {
        String value = s(image, name);
        if (value == null) {
            throw new NotAnInboxItem("the item has no string attribute '" + name + "'");
        }
        return value;
    }

    /** A string attribute ({@code {"S": "..."}}), or null. */
    private static String s(JsonNode image, String name) {
        JsonNode value = image.path(name).get("S");
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** A record that is not an item receiveWebhook wrote: reported as a failed item, never skipped. */
    static final class NotAnInboxItem extends RuntimeException {
        NotAnInboxItem(String message) {
            super(message, null, false, false);
        }
    }
}
