package io.ctf.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctf.lambda.JsonInput;
import io.ctf.composio.Composio;
import io.ctf.composio.ComposioApiError;
import io.ctf.composio.WebhookSubscription;
import io.ctf.lambda.InvalidInput;
import io.ctf.webhook.WebhookConfig;
import io.ctf.webhook.WebhookSecretSource;
import io.ctf.webhook.WebhookSecretStore;
import io.ctf.webhook.WebhookSecretStoreNotConfigured;
import io.ctf.webhook.WebhookSecrets;
import io.ctf.metrics.FunctionInvocation;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code subscribeWebhooks}: points the Composio project's one webhook subscription at the receiver.
 * Creates it (V3), or updates the existing one; stores the signing secret Composio returns on create
 * and rotate where receiveWebhook reads it, the old one kept as previous so rotation drops no
 * delivery. Running it again with the same input changes nothing.
 */
public class SubscribeWebhooksFunction {

    private static final Logger LOG = Logger.getLogger(SubscribeWebhooksFunction.class);

    /** The V3 events receiveWebhook understands (Composio's {@code /webhook_subscriptions/event_types}). */
    public static final List<String> DEFAULT_EVENTS = List.of(
            "composio.trigger.message",
            "composio.connected_account.expired",
            "composio.trigger.disabled");

    static final String VERSION = "V3";
    private static final int MAX_URL_LENGTH = 2048;

    @Inject
    Composio composio;

    @Inject
    JsonInput inputs;

    @Inject
    WebhookSecretStore store;

    @Inject
    WebhookSecretSource receiverSecrets;

    @Inject
    WebhookConfig webhookConfig;

    @Inject
    InstantSource clock;

    @Funq("subscribeWebhooks")
    @FunctionInvocation
    public SubscribeWebhooks.Result subscribeWebhooks(JsonNode raw) {
        var input = inputs.read(raw, SubscribeWebhooks.Request.class);
        String url = webhookUrl(input.webhookUrl());
        List<String> events = events(input.events());
        boolean rotateRequested = Boolean.TRUE.equals(input.rotateSecret());

        WebhookSubscription existing = findSubscription();
        boolean tookOver = false;
        if (existing == null) {
            requireWritableStore();
            try {
                WebhookSubscription created = composio.call(api -> api.createWebhookSubscription(
                        new WebhookSubscription.Change(url, events, VERSION)));
                storeNewSecret(created.id(), created.secret());
                LOG.infof("created webhook subscription %s for %s, events %s", created.id(), url, events);
                return result(created, "created", true);
            } catch (ComposioApiError e) {
                // 409: one was created meanwhile (one per project); take it over below.
                if (e.status() != 409) {
                    throw e;
                }
                existing = findSubscription();
                if (existing == null) {
                    throw e;
                }
                // Possibly our own create, answered with a 5xx and retried: its secret was never seen.
                tookOver = true;
            }
        }

        // A subscription made elsewhere (the dashboard, an earlier stack, a create we saw fail) has a
        // secret we never saw: without rotating, the receiver could verify nothing. Decided before
        // anything changes.
        boolean rotate = rotateRequested || tookOver || !store.read().mayBelongTo(existing.id());
        if (rotate) {
            requireWritableStore();
        }

        WebhookSubscription current = existing;
        String action = "unchanged";
        if (!matches(existing, url, events)) {
            String id = existing.id();
            current = composio.call(api -> api.updateWebhookSubscription(id, new WebhookSubscription.Change(url, events, VERSION)));
            action = "updated";
            LOG.infof("updated webhook subscription %s to %s, events %s", id, url, events);
        }

        if (rotate) {
            String id = current.id();
            WebhookSubscription.RotatedSecret rotated = composio.call(api -> api.rotateWebhookSubscriptionSecret(id));
            storeNewSecret(id, rotated.secret());
            LOG.infof("rotated the signing secret of webhook subscription %s%s", id,
                    rotateRequested ? "" : " (the store held none of this subscription's)");
        }
        return result(current, action, rotate);
    }

    private WebhookSubscription findSubscription() {
        String cursor = null;
        do {
            String page = cursor;
            WebhookSubscription.Page found = composio.call(api -> api.listWebhookSubscriptions(null, page));
            if (found.items() != null && !found.items().isEmpty()) {
                return found.items().get(0);
            }
            cursor = found.nextCursor() == null || found.nextCursor().isBlank() ? null : found.nextCursor();
        } while (cursor != null);
        return null;
    }

    private void requireWritableStore() {
        if (!store.writable()) {
            throw new WebhookSecretStoreNotConfigured();
        }
    }

    /** The new secret becomes current, the old current stays accepted as previous during the overlap. */
    private void storeNewSecret(String subscriptionId, String secret) {
        try {
            if (secret == null || secret.isBlank()) {
                throw new IllegalStateException("Composio's answer carried no secret");
            }
            WebhookSecrets before = store.read();
            store.write(before.rotatedTo(secret, clock.instant(), subscriptionId));
        } catch (RuntimeException e) {
            throw new SecretNotStored(subscriptionId, store.location(), e);
        }
        receiverSecrets.invalidate();
    }

    private static boolean matches(WebhookSubscription existing, String url, List<String> events) {
        return url.equals(existing.webhookUrl())
                && VERSION.equals(existing.version())
                && existing.enabledEvents() != null
                && new HashSet<>(existing.enabledEvents()).equals(new HashSet<>(events));
    }

    private SubscribeWebhooks.Result result(WebhookSubscription s, String action, boolean rotated) {
        return new SubscribeWebhooks.Result(s.id(), s.webhookUrl(), s.version(), s.enabledEvents(), action, rotated,
                store.location());
    }

    private String webhookUrl(String given) {
        String url = given != null ? given.trim() : webhookConfig.url().map(String::trim).orElse(null);
        if (url == null || url.isEmpty()) {
            throw new InvalidInput("'webhook_url' is required: the receiver's URL, e.g. the stack output WebhookUrl"
                    + " (the deployed function defaults it from COMPOSIO_WEBHOOK_URL)");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new InvalidInput("'webhook_url' is longer than " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(url);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidInput("'webhook_url' must be an absolute https:// URL (Composio delivers only over HTTPS), got " + url);
            }
        } catch (URISyntaxException e) {
            throw new InvalidInput("'webhook_url' is not a valid URL: " + e.getReason());
        }
        return url;
    }

    private static List<String> events(List<String> given) {
        if (given == null) {
            return DEFAULT_EVENTS;
        }
        if (given.isEmpty()) {
            throw new InvalidInput("'events' must name at least one event type, e.g. " + DEFAULT_EVENTS
                    + " (leave it out for these)");
        }
        var unique = new LinkedHashSet<String>();
        for (String event : given) {
            if (event == null || event.isBlank()) {
                throw new InvalidInput("'events' contains an empty event type");
            }
            unique.add(event.trim());
        }
        return List.copyOf(new ArrayList<>(unique));
    }
}
