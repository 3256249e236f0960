package io.ctf.local;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Prints each delivery to the dev console as Composio's sample receiver does
 * ({@code print(json.dumps(payload, indent=2))}), after a one-line summary of the stored event; a
 * refused delivery gets one line saying why. Only the receipt and the stored event are read: never a
 * header, so never a signature, and the secret is nowhere in reach. Printing payloads lives here,
 * in dev mode only; production logs carry none.
 */
final class DeliveryConsole {

    private static final Logger LOG = Logger.getLogger("io.ctf.local.deliveries");

    private final ObjectMapper json;
    private final ObjectWriter indented;

    DeliveryConsole(ObjectMapper json) {
        this.json = json;
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
        this.indented = json.writer(printer);
    }

    /** {@code webhookId}: the request's {@code webhook-id} (may be absent or anything). */
    void answered(String webhookId, HttpAnswer answer, InboxView inbox) {
        JsonNode body = parse(answer.bodyText());
        if (answer.status() != 200) {
            String reason = body.path("error").asText(body.path("message").asText(""));
            LOG.infof("delivery %s refused: %d %s", printable(webhookId), answer.status(), reason);
            return;
        }
        String id = body.path("id").asText(webhookId);
        if (body.path("duplicate").asBoolean(false)) {
            LOG.infof("delivery %s: already stored, acknowledged as a duplicate", printable(id));
            return;
        }
        Optional<ObjectNode> stored = Optional.empty();
        try {
            stored = inbox.find(id);
        } catch (RuntimeException noInbox) {
            // A build with the log-only sink has no table: the receipt is all there is.
        }
        ObjectNode event = stored.orElseGet(() -> body.isObject() ? (ObjectNode) body : json.createObjectNode());
        LOG.infof("event %s %s %s, trigger %s %s, toolkit %s, user %s%n%s",
                printable(id), field(event, "version"), field(event, "type"),
                field(event, "trigger_slug"), field(event, "trigger_id"), field(event, "toolkit"), field(event, "user_id"),
                indent(event.get("payload")));
    }

    private String indent(JsonNode payload) {
        if (payload == null) {
            return "(no payload stored)";
        }
        if (payload.isTextual()) {
            return payload.asText();
        }
        try {
            return indented.writeValueAsString(payload);
        } catch (Exception e) {
            return payload.toString();
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (Exception notJson) {
            return json.createObjectNode().put("error", text);
        }
    }

    private static String field(ObjectNode event, String name) {
        JsonNode value = event.get(name);
        return value == null || value.isNull() ? "-" : printable(value.asText());
    }

    /** What a request sent, made safe for one log line: no control characters, bounded. */
    static String printable(String text) {
        if (text == null || text.isEmpty()) {
            return "-";
        }
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 120 ? clean.substring(0, 120) + "…" : clean;
    }
}
