package io.ctf.composio;

/** Composio refused the API key (401/403), or the secret holding it could not be read. Never retried; the key itself is never shown. */
public class ComposioAuthenticationFailed extends ComposioApiError {

    public ComposioAuthenticationFailed(int status, ComposioErrorBody.Detail detail) {
        super(status, detail, "Composio rejected the API key: " + describe(status, detail)
                + ". Check COMPOSIO_API_KEY or the secret COMPOSIO_API_KEY_SECRET_ARN names (the project's API key from the Composio dashboard).");
    }

    private ComposioAuthenticationFailed(String message) {
        super(0, null, message);
    }

    /** The secret could not be read; {@code reason} is an error code, never the secret's value. */
    static ComposioAuthenticationFailed unreadableSecret(String secretId, String reason) {
        return new ComposioAuthenticationFailed("Could not read the Composio API key from the Secrets Manager secret "
                + secretId + " (" + reason + "): check that it exists, holds the key as its SecretString, and that"
                + " the function may secretsmanager:GetSecretValue on it.");
    }
}
