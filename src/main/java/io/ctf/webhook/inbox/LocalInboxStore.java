package io.ctf.webhook.inbox;

import java.net.URI;

/**
 * A store started by the application itself for local runs (see {@code EmbeddedDynamoDb}, a
 * dev-mode-only bean). Production builds have no implementation, so nothing of it is loaded there.
 */
public interface LocalInboxStore {

    /** Starts the store if needed, makes sure {@code table} exists and returns its endpoint. */
    URI endpointWithTable(String table);
}
