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
    ComposioConfig config;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        var headers = new MultivaluedHashMap<String, String>();
        config.apiKey().ifPresent(key -> headers.putSingle("x-api-key", key));
        return headers;
    }
}
