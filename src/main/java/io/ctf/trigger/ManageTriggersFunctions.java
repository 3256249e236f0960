package io.ctf.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctf.lambda.JsonInput;
import io.ctf.composio.Composio;
import io.ctf.composio.ComposioApiError;
import io.ctf.composio.TriggerInstance;
import io.ctf.lambda.InvalidInput;
import io.ctf.metrics.FunctionInvocation;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code listTriggers}, {@code enableTrigger}, {@code disableTrigger}, {@code deleteTrigger}.
 * Asking for the state a trigger is already in is an answer ({@code changed: false}), not an error:
 * Composio's 409 and 410 say just that.
 */
public class ManageTriggersFunctions {

    private static final Logger LOG = Logger.getLogger(ManageTriggersFunctions.class);

    @Inject
    JsonInput inputs;

    @Inject
    Composio composio;

    @Inject
    TriggersConfig config;

    @Funq("listTriggers")

    @FunctionInvocation
    public TriggerList listTriggers(JsonNode input) {
        ListTriggersRequest request = inputs.read(input, ListTriggersRequest.class);
        // user_id and user_ids are checked apart so that an error names the field as the caller wrote it.
        List<String> users = new ArrayList<>();
        if (request.userId() != null) {
            Inputs.joined("user_id", List.of(InvalidInput.require("user_id", request.userId())));
            users.add(request.userId());
        }
        if (request.userIds() != null) {
            Inputs.joined("user_ids", request.userIds());
            users.addAll(request.userIds());
        }
        String userIds = Inputs.joined("user_ids", users);
        String accountIds = Inputs.joined("connected_account_ids", request.connectedAccountIds());
        String triggerIds = Inputs.joined("trigger_ids", request.triggerIds());
        String slugs = Inputs.joined("slugs", request.slugs());
        if (request.slugs() != null) {
            for (int i = 0; i < request.slugs().size(); i++) {
                Inputs.slug("slugs[" + i + "]", request.slugs().get(i).trim());
            }
        }
        Boolean showDisabled = Boolean.TRUE.equals(request.includeDisabled()) ? Boolean.TRUE : null;
        if (request.cursor() != null && request.cursor().isBlank()) {
            throw new InvalidInput("'cursor' is empty: leave it out to start from the first trigger");
        }

        List<TriggerList.Item> items = new ArrayList<>();
        String cursor = request.cursor();
        for (int page = 0; page < config.maxPages(); page++) {
            String from = cursor;
            TriggerInstance.Page found = composio.call(api -> api.listTriggers(
                    userIds, accountIds, triggerIds, slugs, showDisabled, ConnectedAccounts.PAGE_SIZE, from));
            Stream.ofNullable(found.items()).flatMap(List::stream).map(TriggerList.Item::of).forEach(items::add);
            cursor = found.nextCursor() == null || found.nextCursor().isBlank() ? null : found.nextCursor();
            if (cursor == null) {
                break;
            }
        }
        return new TriggerList(items, items.size(), cursor);
    }

    @Funq("enableTrigger")

    @FunctionInvocation
    public TriggerState enableTrigger(JsonNode input) {
        String id = triggerId(input);
        try {
            composio.call(api -> {
                api.changeTriggerStatus(id, new TriggerInstance.StatusChange("enable"));
                return null;
            });
            LOG.infof("trigger %s enabled", id);
            return new TriggerState(id, TriggerState.ENABLED, true, "trigger " + id + " enabled");
        } catch (ComposioApiError e) {
            if (e.status() == 409) {
                return new TriggerState(id, TriggerState.ENABLED, false, "trigger " + id + " was already enabled");
            }
            if (e.status() == 410) {
                // Unlike disable, the caller's goal cannot be met: an error says so.
                throw new TriggerNotFound("trigger '" + id + "' was deleted and cannot be enabled: create it again with createTrigger", e);
            }
            throw notFoundOr(id, e);
        }
    }

    @Funq("disableTrigger")

    @FunctionInvocation
    public TriggerState disableTrigger(JsonNode input) {
        String id = triggerId(input);
        try {
            composio.call(api -> {
                api.changeTriggerStatus(id, new TriggerInstance.StatusChange("disable"));
                return null;
            });
            LOG.infof("trigger %s disabled", id);
            return new TriggerState(id, TriggerState.DISABLED, true, "trigger " + id + " disabled");
        } catch (ComposioApiError e) {
            if (e.status() == 409) {
                return new TriggerState(id, TriggerState.DISABLED, false, "trigger " + id + " was already disabled");
            }
            if (e.status() == 410) {
                return new TriggerState(id, TriggerState.DELETED, false,
                        "trigger " + id + " was already deleted, so it sends no events");
            }
            throw notFoundOr(id, e);
        }
    }

    @Funq("deleteTrigger")

    @FunctionInvocation
    public TriggerState deleteTrigger(JsonNode input) {
        String id = triggerId(input);
        try {
            composio.call(api -> {
                api.deleteTrigger(id);
                return null;
            });
            LOG.infof("trigger %s deleted", id);
            return new TriggerState(id, TriggerState.DELETED, true, "trigger " + id + " deleted");
        } catch (ComposioApiError e) {
            if (e.status() == 409 || e.status() == 410) {
                return new TriggerState(id, TriggerState.DELETED, false, "trigger " + id + " was already deleted");
            }
            throw notFoundOr(id, e);
        }
    }

    private String triggerId(JsonNode input) {
        TriggerRef ref = inputs.read(input, TriggerRef.class);
        String id = InvalidInput.require("trigger_id", ref.triggerId()).trim();
        if (id.contains("/") || id.contains(",") || id.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidInput("'trigger_id' must be a trigger id such as ti_AbC123 (as createTrigger or listTriggers answer)");
        }
        return id;
    }

    private static RuntimeException notFoundOr(String id, ComposioApiError e) {
        if (e.status() == 404) {
            return new TriggerNotFound("no trigger '" + id + "' in this Composio project: check trigger_id (listTriggers shows them)", e);
        }
        return e;
    }
}
