package io.ctf.trigger;

import io.ctf.composio.ComposioApiError;
import io.ctf.lambda.CallerError;
import io.ctf.lambda.FunctionError;

/**
 * The trigger type needs a webhook endpoint for the toolkit's OAuth app and Composio refused the
 * trigger (HTTP 400) because none is set up yet; or, in a dry run, the project has no webhook
 * endpoint for the toolkit at all.
 */
public class WebhookEndpointRequired extends FunctionError implements CallerError {

    /** A dry run's finding: no endpoint of the toolkit exists, so the real upsert would be refused. */
    public WebhookEndpointRequired(String slug, String toolkit) {
        super(slug + " needs a webhook endpoint for toolkit '" + toolkit + "' and the project has none"
                + " (dry run: nothing was created)" + whatToDo(toolkit));
    }

    public WebhookEndpointRequired(String slug, String toolkit, ComposioApiError cause) {
        super(slug + " needs a webhook endpoint for toolkit '" + toolkit + "' and none is set up for its OAuth app"
                + (cause.composioMessage() == null ? "" : " (Composio: " + cause.composioMessage() + ")")
                + whatToDo(toolkit) + RequestId.suffix(cause), cause);
    }

    private static String whatToDo(String toolkit) {
        return ". Run provisionEndpoint with {\"toolkit_slug\": \"" + toolkit + "\", \"client_id\": <your OAuth client id>, ...},"
                + " register its webhook_url with the provider, then call createTrigger again";
    }
}
