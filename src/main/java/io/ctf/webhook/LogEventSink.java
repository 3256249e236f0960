package io.ctf.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Writes one JSON line per event to the log (CloudWatch Logs on Lambda). Neither durable nor
 * de-duplicating: the default only until a store is configured.
 */
@DefaultBean
@ApplicationScoped
public class LogEventSink implements EventSink {

    private static final Logger LOG = Logger.getLogger("io.ctf.webhook.events");

    @Inject
    ObjectMapper json;

    @Override
    public boolean store(WebhookEvent event) {
        ObjectNode line = json.createObjectNode()
                .put("id", event.id())
                .put("version", event.version())
                .put("type", event.type())
                .put("trigger_slug", event.triggerSlug())
                .put("trigger_id", event.triggerId())
                .put("connected_account_id", event.connectedAccountId())
                .put("auth_config_id", event.authConfigId())
                .put("user_id", event.userId())
                .put("toolkit", event.toolkit())
                .put("time", event.time())
                .put("log_id", event.logId());
        line.set("data", event.data());
        try {
            LOG.info(json.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write event " + event.id() + " as JSON", e);
        }
        return true;
    }
}
