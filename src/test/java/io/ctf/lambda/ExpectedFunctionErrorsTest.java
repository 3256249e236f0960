package io.ctf.lambda;

import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

class ExpectedFunctionErrorsTest {

    final ExpectedFunctionErrors filter = new ExpectedFunctionErrors();

    @Test
    void thePollLoopsReportOfAFunctionErrorIsNotPrinted() {
        // Funqy wraps what the function threw; the poll loop logs the wrapper.
        RuntimeException wrapped = new RuntimeException("io.ctf.lambda.InvalidInput: 'id' is required", new InvalidInput("'id' is required"));
        assertThat(filter.isLoggable(record(ExpectedFunctionErrors.POLL_LOOP, wrapped))).isFalse();
    }

    @Test
    void anyOtherFailureStillPrintsWithItsStackTrace() {
        assertThat(filter.isLoggable(record(ExpectedFunctionErrors.POLL_LOOP, new IllegalStateException("a bug")))).isTrue();
        assertThat(filter.isLoggable(record(ExpectedFunctionErrors.POLL_LOOP, null))).isTrue();
        assertThat(filter.isLoggable(record("io.ctf.webhook.ReceiveWebhookFunction", new InvalidInput("x"))))
                .as("only the poll loop's report repeats what the answer says").isTrue();
    }

    static LogRecord record(String logger, Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, "Failed to run lambda (TEST)");
        record.setLoggerName(logger);
        record.setThrown(thrown);
        return record;
    }
}
