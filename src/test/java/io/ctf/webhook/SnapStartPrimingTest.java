package io.ctf.webhook;

import io.ctf.webhook.inbox.DynamoDbLocalInbox;
import io.ctf.webhook.inbox.InboxClient;
import io.ctf.webhook.inbox.InboxTable;
import io.ctf.webhook.inbox.InjectInbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What SnapStart priming does before Lambda's snapshot: warms receiveWebhook's path, writes and calls nothing. */
@QuarkusTest
@QuarkusTestResource(DynamoDbLocalInbox.class)
class SnapStartPrimingTest {

    @Inject
    SnapStartPriming priming;

    @Inject
    InboxClient inboxClient;

    @InjectInbox
    InboxTable inbox;

    @Test
    void primingBuildsTheStoreClientAndRunsTheDeliveryPathWithoutStoringAnything() {
        inbox.clear();

        assertThat(priming.prime()).isEqualTo(SnapStartPriming.RUNS);

        assertThat(inboxClient.isBuilt()).isTrue();
        assertThat(inbox.count()).as("nothing written to the inbox").isZero();
    }

    @Test
    void itIsRegisteredOnlyWhileLambdaInitialisesReceiveWebhookForASnapshot() {
        assertThat(SnapStartPriming.snapshotting(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start"), "receiveWebhook")).isTrue();
        assertThat(SnapStartPriming.snapshotting(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand"), "receiveWebhook")).isFalse();
        assertThat(SnapStartPriming.snapshotting(Map.of(), "receiveWebhook")).isFalse();
        assertThat(SnapStartPriming.snapshotting(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start"), "createTrigger")).isFalse();
    }
}
