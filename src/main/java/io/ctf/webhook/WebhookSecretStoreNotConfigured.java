package io.ctf.webhook;

import io.ctf.lambda.FunctionError;

/**
 * A signing secret would have to be stored but there is no store to keep it: the secret only comes
 * back from Composio once, so nothing is asked of Composio until one is configured.
 */
public class WebhookSecretStoreNotConfigured extends FunctionError {

    public WebhookSecretStoreNotConfigured() {
        super("No webhook secret store is configured: set COMPOSIO_WEBHOOK_SECRET_PARAMETER to the name of the"
                + " SSM parameter receiveWebhook reads (template.yaml creates it and sets the variable)."
                + " COMPOSIO_WEBHOOK_SECRET alone is read-only.");
    }
}
