package io.ctf.composio;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** Adds {@code x-api-key}. The key stays in memory and in this header, nowhere else. */
@ApplicationScoped
public class ApiKeyHeader implements ClientHeadersFactory {

    @Inject
    ComposioApiKey apiKey;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        var headers = new MultivaluedHashMap<String, String>();
        // Resolved by Composio#call before the request (the secret is read there, not in the HTTP pipeline).
        String key = apiKey.current();
        if (key != null) {
            headers.putSingle("x-api-key", key);
        }
        return headers;
    }
}
