package io.ctf.events;

import java.util.List;

/**
 * What one invocation of publishEvents did: the counts metrics are made of (EventsPublished,
 * EventsFailed, EventsTooLarge) and the records Lambda must deliver again.
 *
 * @param published events EventBridge accepted, up to the first record that could not be published
 * @param failed    records reported to Lambda as failed (that record and every later one of the batch)
 * @param tooLarge  of the published events, those sent without {@code data} (over 256 KB with it)
 */
public record PublishOutcome(int published, int failed, int tooLarge, List<String> failedSequenceNumbers) {

    /** Lambda's partial batch response. */
    public StreamBatchResponse response() {
        return new StreamBatchResponse(failedSequenceNumbers.stream().map(StreamBatchResponse.ItemFailure::new).toList());
    }
}
