package io.ctf.composio;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * Every Composio call the function set makes (Composio Platform API v3.1). List parameters are
 * comma-joined strings, as Composio expects. Call it through {@link Composio#call}, which adds the
 * retries and turns transport failures into {@link ComposioUnavailable}.
 */
@RegisterRestClient(configKey = "composio")
@RegisterClientHeaders(ApiKeyHeader.class)
@Path("/api/v3.1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ComposioApi {

    // --- trigger types and connected accounts -------------------------------------------------

    @GET
    @Path("/triggers_types/{slug}")
    TriggerType getTriggerType(@RestPath String slug, @RestQuery("toolkit_versions") String toolkitVersions);

    @GET
    @Path("/triggers_types")
    TriggerType.Page listTriggerTypes(
            @RestQuery("toolkit_slugs") String toolkitSlugs,
            @RestQuery("limit") Integer limit,
            @RestQuery("cursor") String cursor);

    @GET
    @Path("/connected_accounts/{id}")
    ConnectedAccount getConnectedAccount(@RestPath String id);

    @GET
    @Path("/connected_accounts")
    ConnectedAccount.Page listConnectedAccounts(
            @RestQuery("user_ids") String userIds,
            @RestQuery("toolkit_slugs") String toolkitSlugs,
            @RestQuery("statuses") String statuses,
            @RestQuery("order_by") String orderBy,
            @RestQuery("order_direction") String orderDirection,
            @RestQuery("limit") Integer limit,
            @RestQuery("cursor") String cursor);

    // --- trigger instances --------------------------------------------------------------------

    /** 201 created, 200 an existing one (re-enabled). */
    @POST
    @Path("/trigger_instances/{slug}/upsert")
    RestResponse<UpsertTrigger.Response> upsertTrigger(@RestPath String slug, UpsertTrigger.Request request);

    @GET
    @Path("/trigger_instances/active")
    TriggerInstance.Page listTriggers(
            @RestQuery("user_ids") String userIds,
            @RestQuery("connected_account_ids") String connectedAccountIds,
            @RestQuery("trigger_ids") String triggerIds,
            @RestQuery("trigger_names") String triggerNames,
            @RestQuery("show_disabled") Boolean showDisabled,
            @RestQuery("limit") Integer limit,
            @RestQuery("cursor") String cursor);

    @PATCH
    @Path("/trigger_instances/manage/{triggerId}")
    void changeTriggerStatus(@RestPath String triggerId, TriggerInstance.StatusChange change);

    @DELETE
    @Path("/trigger_instances/manage/{triggerId}")
    void deleteTrigger(@RestPath String triggerId);

    // --- webhook endpoints (bring-your-own OAuth app) -----------------------------------------

    @GET
    @Path("/webhook_endpoints/schema")
    WebhookEndpoint.Schema getWebhookEndpointSchema(@RestQuery("toolkit_slug") String toolkitSlug);

    /** Idempotent per (toolkit_slug, client_id): 200 existing, 201 created. */
    @POST
    @Path("/webhook_endpoints")
    RestResponse<WebhookEndpoint> createWebhookEndpoint(WebhookEndpoint.Create request);

    @GET
    @Path("/webhook_endpoints")
    WebhookEndpoint.ListPage listWebhookEndpoints(@RestQuery("toolkit_slug") String toolkitSlug);

    @GET
    @Path("/webhook_endpoints/{id}")
    WebhookEndpoint getWebhookEndpoint(@RestPath String id);

    /** Merges the given fields; the others are kept. */
    @PATCH
    @Path("/webhook_endpoints/{id}")
    WebhookEndpoint mergeWebhookEndpointData(@RestPath String id, WebhookEndpoint.Data data);

    /** Replaces all fields; those left out are cleared. */
    @POST
    @Path("/webhook_endpoints/{id}")
    WebhookEndpoint replaceWebhookEndpointData(@RestPath String id, WebhookEndpoint.Data data);

    // --- the project's webhook subscription ---------------------------------------------------

    @GET
    @Path("/webhook_subscriptions")
    WebhookSubscription.Page listWebhookSubscriptions(@RestQuery("limit") Integer limit, @RestQuery("cursor") String cursor);

    /** One per project: 409 when one exists. The only answer, with rotate, that carries the secret. */
    @POST
    @Path("/webhook_subscriptions")
    WebhookSubscription createWebhookSubscription(WebhookSubscription.Change request);

    @PATCH
    @Path("/webhook_subscriptions/{id}")
    WebhookSubscription updateWebhookSubscription(@RestPath String id, WebhookSubscription.Change change);

    @POST
    @Path("/webhook_subscriptions/{id}/rotate_secret")
    WebhookSubscription.RotatedSecret rotateWebhookSubscriptionSecret(@RestPath String id);

    /** Composio's error answers become typed exceptions; see {@link ComposioErrors}. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ComposioErrors.fromResponse(response);
    }
}
