package io.ctf.webhook.inbox;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A real DynamoDB Local, in memory on a free port, holding the inbox table as production has it.
 * Use with {@code @QuarkusTestResource(DynamoDbLocalInbox.class)} and {@code @InjectInbox InboxTable inbox}.
 */
public class DynamoDbLocalInbox implements QuarkusTestResourceLifecycleManager {

    public static final String TABLE = "composio-inbox-test";

    private InboxTable inbox;

    @Override
    public Map<String, String> start() {
        LocalDynamoDb server = LocalDynamoDb.inMemory();
        server.createInboxTable(TABLE);
        inbox = new InboxTable(server, TABLE);
        return Map.of(
                "inbox.endpoint", server.endpoint().toString(),
                "inbox.table", TABLE,
                // An outage is declared within a second or two instead of the default 5 s.
                "inbox.timeout", "2s");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(inbox, new TestInjector.AnnotatedAndMatchesType(InjectInbox.class, InboxTable.class));
    }

    @Override
    public void stop() {
        if (inbox != null) {
            inbox.close();
        }
    }
}
