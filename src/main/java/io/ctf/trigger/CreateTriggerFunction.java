package io.ctf.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctf.composio.Composio;
import io.ctf.composio.ComposioApiError;
import io.ctf.composio.UpsertTrigger;
import io.ctf.lambda.InvalidInput;
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
 */
public class CreateTriggerFunction {

    private static final Logger LOG = Logger.getLogger(CreateTriggerFunction.class);

    @Inject
    ObjectMapper json;

    @Inject
    Composio composio;

    @Inject
    TriggerTypes triggerTypes;

    @Inject
    ConnectedAccounts accounts;

    @Funq("createTrigger")

    @FunctionInvocation
    public CreatedTrigger createTrigger(JsonNode input) {
        CreateTriggerRequest request = Inputs.read(json, input, CreateTriggerRequest.class);
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
            throw new InvalidInput("'trigger_config' must be a JSON object, e.g. {\"owner\": \"acme\", \"repo\": \"api\"}");
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
        String chosen = accountId != null ? accountId : accounts.newestActive(userId, toolkit);
        RestResponse<UpsertTrigger.Response> answer = upsert(known, canonicalSlug, toolkit, chosen, accountId != null,
                new UpsertTrigger.Request(chosen, config, toolkitVersion));
        boolean created = answer.getStatus() == 201;
        String triggerId = answer.getEntity() == null ? null : answer.getEntity().triggerId();
        LOG.infof("trigger %s (%s) on connected account %s: %s", triggerId, canonicalSlug, chosen,
                created ? "created" : "already existed");
        return new CreatedTrigger(triggerId, canonicalSlug, chosen, created);
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
                throw new ConnectedAccountNotFound("connected account '" + account + "' was not found in this Composio project"
                        + (e.composioMessage() == null ? "" : " (Composio: " + e.composioMessage() + ")")
                        + ": check connected_account_id, or pass user_id to use the user's newest ACTIVE " + toolkit + " account"
                        + RequestId.suffix(e), e);
            }
            throw e;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
