package io.ctf.trigger;

import io.ctf.lambda.InvalidInput;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a trigger type listing goes on: Composio's cursor of a page, the page size it was read with,
 * and how many of that page's items were already answered.
 * <p>
 * Composio's cursor encodes a page number and a page size, so on its own it can only resume at a
 * page's end; a {@code limit} that ends mid-page needs the offset. Every page of one listing is read
 * with the same size (the one in this cursor), so Composio's cursor and its {@code limit} never
 * disagree, whatever {@code limit} the next call asks for: nothing is lost or repeated.
 * Opaque to callers: {@code v1.} and base64url of {@code size:skip:composioCursor}.
 */
record TypesCursor(String composioCursor, int pageSize, int skip) {

    private static final String PREFIX = "v1.";

    String encode() {
        String raw = pageSize + ":" + skip + ":" + (composioCursor == null ? "" : composioCursor);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static TypesCursor decode(String cursor) {
        try {
            if (!cursor.startsWith(PREFIX)) {
                throw new IllegalArgumentException("no prefix");
            }
            String raw = new String(Base64.getUrlDecoder().decode(cursor.substring(PREFIX.length())), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 3);
            int size = Integer.parseInt(parts[0]);
            int skip = Integer.parseInt(parts[1]);
            if (parts.length != 3 || size < 1 || size > TriggerTypeFunctions.MAX_LIMIT || skip < 0) {
                throw new IllegalArgumentException("out of range");
            }
            return new TypesCursor(parts[2].isEmpty() ? null : parts[2], size, skip);
        } catch (RuntimeException notOurs) {
            throw new InvalidInput("'cursor' is not a cursor listTriggerTypes answered: pass its next_cursor back unchanged,"
                    + " or leave 'cursor' out to start from the first trigger type");
        }
    }
}
