package io.ctf.webhook;

/** The event sink has nowhere to store (no inbox table): receiveWebhook answers 503, outcome {@code not_configured}. */
public class StoreNotConfigured extends IllegalStateException {

    public StoreNotConfigured(String message) {
        super(message);
    }
}
