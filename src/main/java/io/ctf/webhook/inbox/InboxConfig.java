package io.ctf.webhook.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where receiveWebhook stores events: {@code INBOX_TABLE}, {@code INBOX_ENDPOINT},
 * {@code INBOX_REGION}, {@code INBOX_RETENTION}, {@code INBOX_TIMEOUT}.
 */
@ConfigMapping(prefix = "inbox")
public interface InboxConfig {

    /**
     * The DynamoDB table. Without it every delivery is answered 503: an event is acknowledged only
     * once it is stored durably, so a missing table must not look like success.
     */
    Optional<String> table();

    /** Endpoint override, e.g. a DynamoDB Local; unset on AWS. */
    Optional<URI> endpoint();

    /** The table's region; defaults to the Lambda's own ({@code AWS_REGION}, set by Lambda). */
    Optional<String> region();

    /** How long an event is kept: the item's {@code expires_at} TTL is the time received plus this. */
    @WithDefault("7d")
    Duration retention();

    /**
     * Longest a store may take, SDK retries included; then the delivery is answered 503 and
     * Composio retries it. Well below API Gateway's 30 s so the 503 is ours, not a gateway timeout.
     */
    @WithDefault("5s")
    Duration timeout();
}
