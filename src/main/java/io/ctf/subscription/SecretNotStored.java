package io.ctf.subscription;

import io.ctf.lambda.FunctionError;

/**
 * Composio issued a signing secret, which it shows only once, and it could not be stored. Deliveries
 * signed with it will be refused until a new one is issued and stored.
 */
public class SecretNotStored extends FunctionError {

    public SecretNotStored(String subscriptionId, String location, RuntimeException cause) {
        super("Composio issued a new signing secret for subscription " + subscriptionId
                + " but it could not be stored in " + location + " (" + cause.getClass().getSimpleName()
                + "). Deliveries are refused until the receiver has the secret: make the secret writable by this"
                + " function, then run subscribeWebhooks again with \"rotate_secret\": true.", cause);
    }
}
