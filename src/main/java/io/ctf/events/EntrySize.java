package io.ctf.events;

import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

import java.nio.charset.StandardCharsets;

/**
 * An entry's size as EventBridge computes it ("Calculating Amazon EventBridge PutEvents event entry
 * size"): 14 bytes for a {@code Time}, plus the UTF-8 bytes of {@code Source}, {@code DetailType},
 * {@code Detail} and each of {@code Resources}. {@code EventBusName} does not count.
 */
final class EntrySize {

    /** EventBridge's limit for one entry, and (to be safe either way) for one PutEvents request's entries together. */
    static final int LIMIT = 256 * 1024;

    private EntrySize() {
    }

    static int of(PutEventsRequestEntry entry) {
        int size = entry.time() != null ? 14 : 0;
        size += utf8(entry.source()) + utf8(entry.detailType()) + utf8(entry.detail());
        if (entry.hasResources()) {
            for (String resource : entry.resources()) {
                size += utf8(resource);
            }
        }
        return size;
    }

    private static int utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
