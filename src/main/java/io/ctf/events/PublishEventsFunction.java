package io.ctf.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctf.metrics.FunctionInvocation;
import io.ctf.metrics.Metrics;
import io.quarkus.funqy.Funq;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code publishEvents}: the inbox table's stream onto an EventBridge bus (the transactional outbox:
 * an event is published once it is stored). stream batch → {@link StreamRecord} → {@link InboxItem}
 * → {@link EventEntry} → {@link EventBus} (PutEvents of ≤ 10) → {@link StreamBatchResponse}.
 * <p>
 * Only INSERTs are published; MODIFY and REMOVE (TTL expiry) are skipped. The first record that
 * cannot be published (its entry failed, EventBridge unavailable, not an inbox item) is reported
 * with every later record of the batch: Lambda resumes from the lowest reported sequence number, so
 * everything before it counts as done, and nothing unpublished is ever acknowledged.
 */
@ApplicationScoped
public class PublishEventsFunction {

    private static final Logger LOG = Logger.getLogger(PublishEventsFunction.class);

    @Inject
    EventsConfig config;

    @Inject
    EventBus bus;

    @Inject
    ObjectMapper json;

    @Inject
    Metrics metrics;

    @Funq("publishEvents")
    @FunctionInvocation
    public StreamBatchResponse publishEvents(JsonNode batch) {
        PublishOutcome outcome = publish(StreamRecord.of(batch));
        metrics.events(outcome.published(), outcome.failed(), outcome.tooLarge());
        if (outcome.failed() > 0) {
            LOG.warnf("published %d events, %d records reported as failed (from %s)",
                    outcome.published(), outcome.failed(), outcome.failedSequenceNumbers().get(0));
        } else {
            LOG.debugf("published %d events", outcome.published());
        }
        return outcome.response();
    }

    PublishOutcome publish(List<StreamRecord> records) {
        EventEntry.Factory entries = new EventEntry.Factory(json, busName(), config.source());
        List<EventEntry> toPublish = new ArrayList<>(records.size());
        // Index of the first record not published: records.size() when every one was.
        int cut = records.size();
        for (StreamRecord record : records) {
            if (!record.isInsert()) {
                if (record.eventName() == null || !List.of("MODIFY", "REMOVE").contains(record.eventName())) {
                    LOG.errorf("record %s (Records[%d]) has eventName %s, not INSERT, MODIFY or REMOVE: reported as failed",
                            record.sequenceNumber(), record.index(), record.eventName());
                    cut = record.index();
                    break;
                }
                continue;
            }
            try {
                toPublish.add(entries.of(record, InboxItem.of(record.newImage())));
            } catch (InboxItem.NotAnInboxItem malformed) {
                LOG.errorf("record %s (Records[%d]) is not an inbox event: %s; reported as failed",
                        record.sequenceNumber(), record.index(), malformed.getMessage());
                cut = record.index();
                break;
            }
        }
        int accepted = toPublish.isEmpty() ? 0 : bus.publish(toPublish);
        if (accepted < toPublish.size()) {
            cut = toPublish.get(accepted).record().index();
        }
        int tooLarge = 0;
        for (int i = 0; i < accepted; i++) {
            if (toPublish.get(i).dataOmitted()) {
                tooLarge++;
            }
        }
        List<String> failed = records.subList(cut, records.size()).stream().map(StreamRecord::sequenceNumber).toList();
        return new PublishOutcome(accepted, failed.size(), tooLarge, failed);
    }

    private String busName() {
        return config.busName().filter(b -> !b.isBlank()).orElseThrow(() -> new EventBusNotConfigured(
                "EVENT_BUS_NAME is not set: no event is published (nor acknowledged) until it names the bus"));
    }
}
