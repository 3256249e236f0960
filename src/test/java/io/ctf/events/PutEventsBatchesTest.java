package io.ctf.events;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** EventBridge's limits, before any request: entry size as EventBridge computes it, and how requests are cut. */
class PutEventsBatchesTest {

    @Test
    void anEntrysSizeIsTimeFourteenBytesPlusTheUtf8OfSourceDetailTypeDetailAndResources() {
        var entry = PutEventsRequestEntry.builder().source("composio").detailType("composio.trigger.message")
                .detail("{\"a\":\"é\"}").eventBusName("a-bus-name-that-does-not-count")
                .time(Instant.parse("2026-01-29T10:30:00Z")).resources("r1").build();

        assertThat(EntrySize.of(entry)).isEqualTo(14 + 8 + 24 + 10 + 2);
        assertThat(EntrySize.of(entry.toBuilder().time(null).resources((List<String>) null).build())).isEqualTo(8 + 24 + 10);
    }

    @Test
    void requestsHoldAtMostTenEntries() {
        List<List<EventEntry>> batches = PutEventsBatches.of(entries(23, 100));

        assertThat(batches).extracting(List::size).containsExactly(10, 10, 3);
    }

    @Test
    void requestsKeepTheirEntriesWithin256KbTogetherAndInStreamOrder() {
        List<EventEntry> entries = entries(5, 100_000);

        List<List<EventEntry>> batches = PutEventsBatches.of(entries);

        assertThat(batches).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(entries);
    }

    @Test
    void anEntryOfExactly256KbGoesAlone() {
        List<EventEntry> entries = new ArrayList<>(entries(1, 10));
        entries.add(entry(1, EntrySize.LIMIT));
        entries.add(entry(2, 10));

        assertThat(PutEventsBatches.of(entries)).extracting(List::size).containsExactly(1, 1, 1);
    }

    static List<EventEntry> entries(int count, int size) {
        List<EventEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(entry(i, size));
        }
        return entries;
    }

    static EventEntry entry(int i, int size) {
        return new EventEntry(new StreamRecord(i, "seq" + i, "INSERT", null), "msg_" + i,
                PutEventsRequestEntry.builder().build(), size, false);
    }
}
