package io.ctf.composio;

import io.ctf.lambda.FunctionError;

/**
 * No API key is configured: neither {@code COMPOSIO_API_KEY} nor {@code COMPOSIO_API_KEY_SECRET_ARN}
 * is set. Our deployment's fault, not Composio's (nothing was sent to it), so it is no
 * {@link ComposioApiError}: a caller or an alarm must not read it as Composio refusing a key.
 */
public class ComposioApiKeyNotConfigured extends FunctionError {

    public ComposioApiKeyNotConfigured() {
        super("No Composio API key is configured: set COMPOSIO_API_KEY_SECRET_ARN to the Secrets Manager secret"
                + " holding the project's API key (template.yaml sets it), or COMPOSIO_API_KEY to the key itself"
                + " (local runs). Nothing was sent to Composio.");
    }
}
