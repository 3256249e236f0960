package io.ctf.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctf.composio.Composio;
import io.ctf.composio.TriggerType;
import io.ctf.lambda.InvalidInput;
import io.ctf.lambda.JsonInput;
import io.ctf.metrics.FunctionInvocation;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code getTriggerType} and {@code listTriggerTypes}: what a trigger type needs (config, webhook
 * endpoint) before createTrigger, the seed's first step.
 */
public class TriggerTypeFunctions {

    /** Composio's largest page of trigger types, and so the largest {@code limit}. */
    static final int MAX_LIMIT = 1000;
    /** Page size of a listing without {@code limit}. */
    static final int DEFAULT_PAGE_SIZE = 50;

    private static final Pattern TOOLKIT = Pattern.compile("[a-z0-9_-]+");

    @Inject
    JsonInput inputs;

    @Inject
    Composio composio;

    @Inject
    TriggerTypes triggerTypes;

    @Inject
    TriggersConfig config;

    /** One Composio call; none when createTrigger's type cache (the same) already holds the type. */
    @Funq("getTriggerType")
    @FunctionInvocation
    public TriggerTypeDetails getTriggerType(JsonNode input) {
        GetTriggerTypeRequest request = inputs.read(input, GetTriggerTypeRequest.class);
        String slug = Inputs.slug("slug", request.slug());
        String toolkitVersion = request.toolkitVersion();
        if (toolkitVersion != null && toolkitVersion.isBlank()) {
            throw new InvalidInput("'toolkit_version' is empty: leave it out or give e.g. \"latest\"");
        }
        return TriggerTypeDetails.of(triggerTypes.get(slug, toolkitVersion).type());
    }

    /**
     * Reads Composio's pages ({@code GET /api/v3.1/triggers_types}) until {@code limit} types were
     * read, Composio has no more, or {@code composio.triggers.max-pages} pages were read. Without a
     * {@code limit} pages hold 50 types; with one, the first page holds {@code limit}, so a listing
     * continued with the same limit reads whole pages. See {@link TypesCursor} for how a cursor
     * resumes exactly after the last type answered.
     */
    @Funq("listTriggerTypes")
    @FunctionInvocation
    public TriggerTypeList listTriggerTypes(JsonNode input) {
        ListTriggerTypesRequest request = inputs.read(input, ListTriggerTypesRequest.class);
        String toolkits = toolkits(request);
        Integer limit = request.limit();
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new InvalidInput("'limit' must be between 1 and " + MAX_LIMIT + ", or left out");
        }
        if (request.cursor() != null && request.cursor().isBlank()) {
            throw new InvalidInput("'cursor' is empty: leave it out to start from the first trigger type");
        }
        TypesCursor from = request.cursor() != null ? TypesCursor.decode(request.cursor())
                : new TypesCursor(null, limit != null ? limit : DEFAULT_PAGE_SIZE, 0);
        int wanted = limit != null ? limit : Integer.MAX_VALUE;

        List<TriggerTypeList.Item> items = new ArrayList<>();
        String pageCursor = from.composioCursor();
        int skip = from.skip();
        TypesCursor next = null;
        for (int page = 0; page < config.maxPages(); page++) {
            String at = pageCursor;
            TriggerType.Page found = composio.call(api -> api.listTriggerTypes(toolkits, from.pageSize(), at));
            List<TriggerType> types = found.items() == null ? List.of() : found.items();
            int first = Math.min(skip, types.size());
            int end = (int) Math.min(types.size(), (long) first + (wanted - items.size()));
            types.subList(first, end).stream().map(TriggerTypeList.Item::of).forEach(items::add);
            String after = found.nextCursor() == null || found.nextCursor().isBlank() ? null : found.nextCursor();
            if (end < types.size()) {
                // The limit ended mid-page: go on inside this page.
                next = new TypesCursor(at, from.pageSize(), end);
                break;
            }
            if (after == null) {
                next = null; // Composio has no more
                break;
            }
            next = new TypesCursor(after, from.pageSize(), 0);
            if (items.size() >= wanted) {
                break;
            }
            pageCursor = after;
            skip = 0;
        }
        return new TriggerTypeList(items, items.size(), next == null ? null : next.encode());
    }

    /** {@code toolkit_slug} and {@code toolkit_slugs} together, lower-cased, as Composio's comma-joined filter. */
    private static String toolkits(ListTriggerTypesRequest request) {
        List<String> all = new ArrayList<>();
        if (request.toolkitSlug() != null) {
            all.add(toolkit("toolkit_slug", request.toolkitSlug()));
        }
        if (request.toolkitSlugs() != null) {
            for (int i = 0; i < request.toolkitSlugs().size(); i++) {
                all.add(toolkit("toolkit_slugs[" + i + "]", request.toolkitSlugs().get(i)));
            }
        }
        if (all.isEmpty()) {
            throw new InvalidInput("'toolkit_slug' is required: the toolkit whose trigger types to list, e.g. \"github\""
                    + " (or 'toolkit_slugs' for several)");
        }
        return Inputs.joined("toolkit_slugs", all);
    }

    private static String toolkit(String field, String value) {
        String slug = InvalidInput.require(field, value).trim().toLowerCase(Locale.ROOT);
        if (!TOOLKIT.matcher(slug).matches()) {
            throw new InvalidInput("'" + field + "' must be a toolkit slug such as github (letters, digits, '_', '-')");
        }
        return slug;
    }
}
