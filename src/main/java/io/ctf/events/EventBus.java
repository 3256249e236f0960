package io.ctf.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 5: entries onto the bus, one PutEvents per {@link PutEventsBatches batch}, in stream order,
 * stopping at the first entry not published: everything from there on is delivered again by Lambda,
 * so sending more would only make more duplicates.
 */
@ApplicationScoped
public class EventBus {

    private static final Logger LOG = Logger.getLogger(EventBus.class);

    @Inject
    EventBusClient client;

    private volatile boolean firstPut = true;

    /** How many of {@code entries}, from the first, EventBridge accepted: all of them unless one failed. */
    int publish(List<EventEntry> entries) {
        int accepted = 0;
        for (List<EventEntry> batch : PutEventsBatches.of(entries)) {
            int acceptedOfBatch = put(batch);
            accepted += acceptedOfBatch;
            if (acceptedOfBatch < batch.size()) {
                break;
            }
        }
        return accepted;
    }

    /** Accepted entries of one PutEvents, counted from the first up to the first one that failed. */
    private int put(List<EventEntry> batch) {
        List<PutEventsRequestEntry> request = new ArrayList<>(batch.size());
        batch.forEach(e -> request.add(e.entry()));
        PutEventsResponse response;
        try {
            long start = System.nanoTime();
            response = client.get().putEvents(PutEventsRequest.builder().entries(request).build());
            if (firstPut) {
                firstPut = false;
                // %s, not %d: a first %d loads the locale's number symbols, about 1 ms of a native cold start (docs/native.md).
                LOG.infof("first PutEvents took %s ms", (System.nanoTime() - start) / 1_000_000);
            }
        } catch (SdkException unavailable) {
            // After the SDK's own retries: nothing of this request is known to be published.
            LOG.errorf("PutEvents of %d events (first %s) failed: %s; the batch is delivered again from record %s",
                    batch.size(), batch.get(0).eventId(), unavailable.getMessage(), batch.get(0).record().sequenceNumber());
            return 0;
        }
        List<PutEventsResultEntry> results = response.entries();
        for (int i = 0; i < batch.size(); i++) {
            PutEventsResultEntry result = i < results.size() ? results.get(i) : null;
            if (result == null || result.errorCode() != null || result.eventId() == null) {
                EventEntry failed = batch.get(i);
                LOG.errorf("event %s (record %s) was not published: %s %s; delivered again from this record",
                        failed.eventId(), failed.record().sequenceNumber(),
                        result == null ? "no result entry" : result.errorCode(), result == null ? "" : result.errorMessage());
                return i;
            }
        }
        return batch.size();
    }
}
