package io.ctf.composio;

/** The API key is missing, wrong or lacks access. Never retried; the key itself is never shown. */
public class ComposioAuthenticationFailed extends ComposioApiError {

    public ComposioAuthenticationFailed(int status, ComposioErrorBody.Detail detail) {
        super(status, detail, "Composio rejected the API key: " + describe(status, detail)
                + ". Check COMPOSIO_API_KEY (the project's API key from the Composio dashboard).");
    }

    static ComposioAuthenticationFailed missingKey() {
        return new ComposioAuthenticationFailed();
    }

    private ComposioAuthenticationFailed() {
        super(0, null, "COMPOSIO_API_KEY is not set: configure the project's API key from the Composio dashboard.");
    }
}
