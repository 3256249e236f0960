package io.ctf.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctf.composio.Composio;
import io.ctf.composio.ComposioApiError;
import io.ctf.composio.ConnectedAccount;
import io.ctf.composio.UpsertTrigger;
import io.ctf.composio.WebhookEndpoint;
import io.ctf.lambda.InvalidInput;
import io.ctf.lambda.JsonInput;
import io.ctf.metrics.FunctionInvocation;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Locale;

/**
 * {@code createTrigger}: checks the input, reads the trigger type (cached), checks
 * {@code trigger_config} against the type's schema, picks the connected account and upserts the
 * trigger. At most 3 Composio calls; 2 once the type is cached; none when the input is wrong.
 * <p>
 * With {@code "dry_run": true} every check of a real run is made and nothing is written: the
 * upsert is replaced by reading what it would have refused (the given account; the toolkit's
 * webhook endpoints, when the type needs one and the account uses your own OAuth app). The answer
 * is then a {@link DryRunTrigger}.
 */
public class CreateTriggerFunction {

    private static final Logger LOG = Logger.getLogger(CreateTriggerFunction.class);

    @Inject
    ObjectMapper json;

    @Inject
    JsonInput inputs;

    @Inject
    Composio composio;

    @Inject
    TriggerTypes triggerTypes;

    @Inject
    ConnectedAccounts accounts;

    /** A {@link CreatedTrigger}, or a {@link DryRunTrigger} when the input asks for {@code dry_run}. */
    @Funq("createTrigger")
    @FunctionInvocation
    public Object createTrigger(JsonNode input) {
        CreateTriggerRequest request = inputs.read(input, CreateTriggerRequest.class);
        String slug = Inputs.slug("slug", request.slug());
        String userId = blankToNull(request.userId());
        String accountId = blankToNull(request.connectedAccountId());
        if (userId == null && accountId == null) {
            throw new InvalidInput("'user_id' or 'connected_account_id' is required: whose account should the trigger watch?");
        }
        if (userId != null && accountId != null) {
            throw new InvalidInput("give either 'user_id' or 'connected_account_id', not both");
        }
        JsonNode config = request.triggerConfig() == null || request.triggerConfig().isNull()
                ? json.createObjectNode() : request.triggerConfig();
        if (!config.isObject()) {
            throw new InvalidInput("'trigger_config' has the wrong type: expected an object, e.g. {\"owner\": \"acme\", \"repo\": \"api\"}");
        }
        String toolkitVersion = request.toolkitVersion();
        if (toolkitVersion != null && toolkitVersion.isBlank()) {
            throw new InvalidInput("'toolkit_version' is empty: leave it out or give e.g. \"latest\"");
        }

        TriggerTypes.Known known = triggerTypes.get(slug, toolkitVersion);
        String canonicalSlug = known.type().slug() == null ? slug.toUpperCase(Locale.ROOT) : known.type().slug();
        List<ConfigViolation> violations = known.schema().violations(config);
        if (!violations.isEmpty()) {
            throw new InvalidTriggerConfig(canonicalSlug, violations);
        }

        String toolkit = known.type().toolkitSlug();
        if (Boolean.TRUE.equals(request.dryRun())) {
            ConnectedAccount account = accountId != null ? knownAccount(accountId, toolkit) : accounts.newestActiveAccount(userId, toolkit);
            return dryRun(known, canonicalSlug, toolkit, account, config);
        }
        String chosen = accountId != null ? accountId : accounts.newestActive(userId, toolkit);
        RestResponse<UpsertTrigger.Response> answer = upsert(known, canonicalSlug, toolkit, chosen, accountId != null,
                new UpsertTrigger.Request(chosen, config, toolkitVersion, userId));
        boolean created = answer.getStatus() == 201;
        String triggerId = answer.getEntity() == null ? null : answer.getEntity().triggerId();
        LOG.infof("trigger %s (%s) on connected account %s: %s", triggerId, canonicalSlug, chosen,
                created ? "created" : "already existed");
        return new CreatedTrigger(triggerId, canonicalSlug, chosen, created);
    }

    /** The upsert's 404 for an account Composio does not know, asked for instead. */
    private ConnectedAccount knownAccount(String accountId, String toolkit) {
        try {
            return composio.call(api -> api.getConnectedAccount(accountId));
        } catch (ComposioApiError e) {
            throw e.status() == 404 ? unknownAccount(accountId, toolkit, e) : e;
        }
    }

    /**
     * The upsert's 400 for a type needing a webhook endpoint, read instead of written: the account's
     * OAuth app is your own (Composio runs the endpoints of its managed apps) and the project has no
     * webhook endpoint for the toolkit.
     */
    private DryRunTrigger dryRun(TriggerTypes.Known known, String slug, String toolkit, ConnectedAccount account,
                                 JsonNode config) {
        boolean needsEndpoint = known.type().needsWebhookEndpoint();
        if (needsEndpoint && !account.usesComposioManagedAuth()) {
            WebhookEndpoint.ListPage endpoints = composio.call(api -> api.listWebhookEndpoints(toolkit));
            if (endpoints.items() == null || endpoints.items().isEmpty()) {
                throw new WebhookEndpointRequired(slug, toolkit);
            }
        }
        LOG.infof("dry run: trigger %s on connected account %s would be upserted", slug, account.id());
        return new DryRunTrigger(true, slug, account.id(), config, needsEndpoint);
    }

    private RestResponse<UpsertTrigger.Response> upsert(TriggerTypes.Known known, String slug, String toolkit,
                                                        String account, boolean accountGiven, UpsertTrigger.Request request) {
        try {
            return composio.call(api -> api.upsertTrigger(slug, request));
        } catch (ComposioApiError e) {
            // Composio's bare 400 for this case names neither the cause nor the way out.
            if (e.status() == 400 && known.type().needsWebhookEndpoint()) {
                throw new WebhookEndpointRequired(slug, toolkit, e);
            }
            if (e.status() == 404 && accountGiven) {
                throw unknownAccount(account, toolkit, e);
            }
            throw e;
        }
    }

    private static ConnectedAccountNotFound unknownAccount(String account, String toolkit, ComposioApiError e) {
        return new ConnectedAccountNotFound("connected account '" + account + "' was not found in this Composio project"
                + (e.composioMessage() == null ? "" : " (Composio: " + e.composioMessage() + ")")
                + ": check connected_account_id, or pass user_id to use the user's newest ACTIVE " + toolkit + " account"
                + RequestId.suffix(e), e);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
