package io.ctf.lambda;

import io.quarkus.logging.LoggingFilter;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * The tests' console filter ({@code %test.quarkus.log.console.filter}): the poll loop's
 * "Failed to run lambda" record with a stack trace is dropped when the failure is one of our
 * function errors, the failures tests provoke on purpose and read back from the invocation's answer
 * ({@code errorType}, {@code errorMessage}). Any other exception still prints with its stack trace,
 * so an unexpected failure explains itself. Only the console is filtered: {@link LogCapture} and any
 * other handler still see every record.
 */
@LoggingFilter(name = "expected-function-errors")
public final class ExpectedFunctionErrors implements Filter {

    static final String POLL_LOOP = "io.quarkus.amazon.lambda.runtime.AbstractLambdaPollLoop";

    @Override
    public boolean isLoggable(LogRecord record) {
        return !(POLL_LOOP.equals(record.getLoggerName()) && isFunctionError(record.getThrown()));
    }

    /** By name: the thrown class may come from another class loader than this filter's. */
    static boolean isFunctionError(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
                if (type.getName().equals(FunctionError.class.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
