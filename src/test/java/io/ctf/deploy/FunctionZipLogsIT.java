package io.ctf.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ctf.metrics.EmfRecords;
import io.ctf.metrics.MetricNames;
import io.ctf.metrics.Stdout;
import io.ctf.webhook.Fixtures;
import io.ctf.webhook.inbox.LocalDynamoDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What receiveWebhook's packaged JVM artifact prints on stdout in the prod profile (as on Lambda,
 * where stdout is the log): from loading to the last answer, every line a JSON object, and EMF
 * records that count each delivery once.
 */
@EnabledIf("io.ctf.deploy.PackagedFunction#jvmArtifactBuilt")
class FunctionZipLogsIT {

    static final String SECRET = "it-logs-webhook-secret";
    static final String TABLE = "composio-inbox-logs-it";
    static final String BODY = "{\"id\":\"evt_logs\",\"type\":\"composio.trigger.message\",\"metadata\":{\"trigger_slug\":\"GITHUB_COMMIT_EVENT\"},"
            + "\"data\":{\"private\":\"payload-text-never-logged\"}}";

    @Test
    void everyStdoutLineIsJsonAndOneStoredOneDuplicateOneRefusedAreCountedOnceEach() throws Throwable {
        List<JsonNode> answers = new ArrayList<>();
        List<String> stdout;
        try (LocalDynamoDb inbox = LocalDynamoDb.inMemory()) {
            inbox.createInboxTable(TABLE);
            long now = Instant.now().getEpochSecond();
            // Captured from before the function's logging starts: Quarkus's console handler binds stdout when loaded.
            stdout = Stdout.capture(() -> {
                try (var function = new PackagedFunction("receiveWebhook", Map.of(
                        "composio.webhook.secret", SECRET,
                        "inbox.table", TABLE,
                        "inbox.endpoint", inbox.endpoint().toString(),
                        "inbox.region", "us-east-1"))) {
                    answers.add(function.invoke(Fixtures.signedEvent(SECRET, "msg_logs_1", now, BODY).toString()));
                    answers.add(function.invoke(Fixtures.signedEvent(SECRET, "msg_logs_1", now, BODY).toString()));
                    answers.add(function.invoke(Fixtures.signedEvent("not-the-secret", "msg_logs_2", now, BODY).toString()));
                }
            });
        }
        assertThat(answers).extracting(a -> a.path("statusCode").asInt()).containsExactly(200, 200, 401);

        EmfRecords emf = EmfRecords.in(stdout, true);
        assertThat(emf.sum(MetricNames.DEFAULT_NAMESPACE, MetricNames.DELIVERIES, MetricNames.OUTCOME))
                .isEqualTo(Map.of("stored", 1.0, "duplicate", 1.0, "unauthenticated", 1.0));

        // The function's own log lines do not reach this capture: inside the test JVM its JBoss Logging
        // binds the host JVM's LogManager, which writes plain text to the original stdout. Their JSON
        // shape is therefore not checked here (see the report of issue 14); what is printed on stdout is.
        assertThat(String.join("\n", stdout)).doesNotContain(SECRET).doesNotContain("payload-text-never-logged");
    }
}
