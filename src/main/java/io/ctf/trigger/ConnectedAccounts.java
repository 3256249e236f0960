package io.ctf.trigger;

import io.ctf.composio.Composio;
import io.ctf.composio.ConnectedAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Picks the connected account a trigger watches when only the user is named: the user's most
 * recently created ACTIVE account for the toolkit. (Composio's SDKs take the newest whatever its
 * status, so an EXPIRED account wins there and the trigger never fires.)
 */
@ApplicationScoped
public class ConnectedAccounts {

    static final int PAGE_SIZE = 50;

    @Inject
    Composio composio;

    @Inject
    TriggersConfig config;

    /**
     * One Composio call when the user has an ACTIVE account (Composio filters and orders); when
     * none is found, one more to say what the user does have.
     */
    String newestActive(String userId, String toolkit) {
        return newestActiveAccount(userId, toolkit).id();
    }

    /** As {@link #newestActive}, the whole account. */
    ConnectedAccount newestActiveAccount(String userId, String toolkit) {
        String cursor = null;
        for (int page = 0; page < config.maxPages(); page++) {
            String from = cursor;
            ConnectedAccount.Page found = composio.call(api -> api.listConnectedAccounts(
                    userId, toolkit, ConnectedAccount.ACTIVE, "created_at", "desc", PAGE_SIZE, from));
            // Checked here too: the status filter is Composio's, the promise is ours.
            Optional<ConnectedAccount> newest = found.items() == null ? Optional.empty() : found.items().stream()
                    .filter(ConnectedAccounts::usable)
                    .max(Comparator.comparing(ConnectedAccounts::createdAt));
            if (newest.isPresent()) {
                return newest.get();
            }
            cursor = found.nextCursor();
            if (cursor == null || cursor.isBlank()) {
                break;
            }
        }
        throw new ConnectedAccountNotFound(noActiveAccount(userId, toolkit));
    }

    private String noActiveAccount(String userId, String toolkit) {
        ConnectedAccount.Page any = composio.call(api -> api.listConnectedAccounts(
                userId, toolkit, null, "created_at", "desc", PAGE_SIZE, null));
        Map<String, Long> byStatus = new LinkedHashMap<>();
        if (any.items() != null) {
            any.items().stream()
                    .sorted(Comparator.comparing(ConnectedAccounts::createdAt).reversed())
                    .forEach(account -> byStatus.merge(describe(account), 1L, Long::sum));
        }
        boolean more = any.nextCursor() != null && !any.nextCursor().isBlank();
        String found = byStatus.isEmpty() ? "none" : byStatus.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")) + (more ? " and more" : "");
        return "user '" + userId + "' has no ACTIVE " + toolkit + " account (found: " + found + "). "
                + "Connect or re-authenticate the user's " + toolkit + " account in Composio, "
                + "or pass connected_account_id instead of user_id";
    }

    private static boolean usable(ConnectedAccount account) {
        return ConnectedAccount.ACTIVE.equals(account.status()) && !Boolean.TRUE.equals(account.isDisabled());
    }

    private static String describe(ConnectedAccount account) {
        String status = account.status() == null ? "UNKNOWN" : account.status();
        return Boolean.TRUE.equals(account.isDisabled()) ? status + " (disabled)" : status;
    }

    /** Unparseable or missing times sort last. */
    private static Instant createdAt(ConnectedAccount account) {
        try {
            return account.createdAt() == null ? Instant.MIN : Instant.parse(account.createdAt());
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
    }
}
