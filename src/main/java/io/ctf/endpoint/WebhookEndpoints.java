package io.ctf.endpoint;

import io.ctf.composio.Composio;
import io.ctf.composio.ComposioApiError;
import io.ctf.composio.WebhookEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Map;

/**
 * The Composio webhook endpoint calls the functions make, one Composio call each: a 404 for an
 * endpoint id becomes {@link EndpointNotFound}, and errors from writes never carry the values written.
 */
@ApplicationScoped
class WebhookEndpoints {

    @Inject
    Composio composio;

    SetupFields setupFields(String toolkitSlug) {
        return SetupFields.of(toolkitSlug, composio.call(api -> api.getWebhookEndpointSchema(toolkitSlug)));
    }

    /** Idempotent per toolkit and client id: Composio answers 201 for a new endpoint, 200 for the existing one. */
    Created create(String toolkitSlug, String clientId) {
        RestResponse<WebhookEndpoint> answer = composio.call(
                api -> api.createWebhookEndpoint(new WebhookEndpoint.Create(toolkitSlug, clientId)));
        return new Created(answer.getEntity(), answer.getStatus() == 201);
    }

    WebhookEndpoint get(String id) {
        try {
            return composio.call(api -> api.getWebhookEndpoint(id));
        } catch (ComposioApiError e) {
            throw notFound(id, e);
        }
    }

    /** PATCH: stores the given fields, keeps the others. */
    WebhookEndpoint merge(String id, Map<String, String> data) {
        try {
            return composio.call(api -> api.mergeWebhookEndpointData(id, new WebhookEndpoint.Data(data)));
        } catch (ComposioApiError e) {
            throw notFound(id, RedactedErrors.redact(e, data.values()));
        }
    }

    /** POST: stores exactly the given fields; those left out are cleared. */
    WebhookEndpoint replace(String id, Map<String, String> data) {
        try {
            return composio.call(api -> api.replaceWebhookEndpointData(id, new WebhookEndpoint.Data(data)));
        } catch (ComposioApiError e) {
            throw notFound(id, RedactedErrors.redact(e, data.values()));
        }
    }

    /** Ids, toolkits and client ids only: Composio's list carries no URL or state. */
    List<WebhookEndpoint.Summary> list(String toolkitSlug) {
        WebhookEndpoint.ListPage page = composio.call(api -> api.listWebhookEndpoints(toolkitSlug));
        return page == null || page.items() == null ? List.of() : page.items();
    }

    private static RuntimeException notFound(String id, ComposioApiError e) {
        return e.status() == 404 ? new EndpointNotFound(id, e) : e;
    }

    record Created(WebhookEndpoint endpoint, boolean isNew) {
    }
}
