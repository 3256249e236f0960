package io.ctf.endpoint;

import io.ctf.composio.ComposioApiError;
import io.ctf.lambda.CallerError;
import io.ctf.lambda.FunctionError;

/** Composio has no webhook endpoint with this id in the project the API key belongs to (HTTP 404). */
public class EndpointNotFound extends FunctionError implements CallerError {

    private final String id;

    public EndpointNotFound(String id, ComposioApiError notFound) {
        super("No webhook endpoint '" + id + "' in this Composio project (the one COMPOSIO_API_KEY belongs to). "
                + "Check the id (it looks like we_…); listEndpoints shows the existing ones."
                + (notFound.requestId() == null ? "" : " [Composio request id " + notFound.requestId() + "]"),
                notFound);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
