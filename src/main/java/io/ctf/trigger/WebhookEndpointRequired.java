package io.ctf.trigger;

import io.ctf.composio.ComposioApiError;
import io.ctf.lambda.CallerError;
import io.ctf.lambda.FunctionError;

/**
 * The trigger type needs a webhook endpoint for the toolkit's OAuth app and Composio refused the
 * trigger (HTTP 400) because none is set up yet.
 */
public class WebhookEndpointRequired extends FunctionError implements CallerError {

    public WebhookEndpointRequired(String slug, String toolkit, ComposioApiError cause) {
        super(slug + " needs a webhook endpoint for toolkit '" + toolkit + "' and none is set up for its OAuth app"
                + (cause.composioMessage() == null ? "" : " (Composio: " + cause.composioMessage() + ")")
                + ". Run provisionEndpoint with {\"toolkit_slug\": \"" + toolkit + "\", \"client_id\": <your OAuth client id>, ...},"
                + " register its webhook_url with the provider, then call createTrigger again"
                + RequestId.suffix(cause), cause);
    }
}
