package io.ctf.webhook;

/**
 * Step 4: where an authentic event goes. receiveWebhook acknowledges a delivery only after
 * {@link #store} returns, so an implementation returns only once the event is safe, and throws
 * when it cannot be sure (Composio then retries).
 */
public interface EventSink {

    /** Stores the event; returns {@code false} when an event with the same id was already stored. */
    boolean store(WebhookEvent event);
}
