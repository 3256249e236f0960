package io.ctf.events;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 4: entries in stream order, cut into PutEvents requests of at most 10 entries whose sizes
 * add up to at most 256 KB. EventBridge documents the 256 KB per entry; keeping the request's
 * entries within it too costs a few more requests for large events and is safe whichever way the
 * limit is read.
 */
final class PutEventsBatches {

    static final int MAX_ENTRIES = 10;

    private PutEventsBatches() {
    }

    static List<List<EventEntry>> of(List<EventEntry> entries) {
        List<List<EventEntry>> batches = new ArrayList<>();
        List<EventEntry> current = new ArrayList<>(MAX_ENTRIES);
        int size = 0;
        for (EventEntry entry : entries) {
            if (!current.isEmpty() && (current.size() == MAX_ENTRIES || size + entry.size() > EntrySize.LIMIT)) {
                batches.add(current);
                current = new ArrayList<>(MAX_ENTRIES);
                size = 0;
            }
            current.add(entry);
            size += entry.size();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
