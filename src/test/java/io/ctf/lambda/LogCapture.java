package io.ctf.lambda;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log record the app writes while installed (root logger, all levels the app logs at),
 * rendered with its parameters and stack trace, so a test can assert what never appears in a log.
 */
public final class LogCapture extends Handler {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    public LogCapture() {
        setLevel(Level.ALL);
    }

    public LogCapture install() {
        Logger.getLogger("").addHandler(this);
        return this;
    }

    public void uninstall() {
        Logger.getLogger("").removeHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        if (isTestSide(record.getLoggerName())) {
            return;
        }
        StringBuilder line = new StringBuilder(record.getLevel() + " [" + record.getLoggerName() + "] ");
        line.append(formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
    }

    /**
     * The test's own stand-ins log the requests they send and receive, secrets included: the caller
     * (rest-assured and its Apache HTTP client) and Composio (WireMock). They are not this app.
     */
    private static boolean isTestSide(String logger) {
        return logger != null && (logger.startsWith("org.apache.http") || logger.startsWith("io.restassured")
                || logger.toLowerCase(java.util.Locale.ROOT).contains("wiremock"));
    }

    private static String formatMessage(LogRecord record) {
        String message = record.getMessage();
        Object[] params = record.getParameters();
        if (message == null || params == null || params.length == 0) {
            return String.valueOf(message);
        }
        // JBoss Logging records may be printf- or MessageFormat-style; keep the raw parameters too.
        StringBuilder text = new StringBuilder(message);
        for (Object param : params) {
            text.append(" | ").append(param);
        }
        return text.toString();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String all() {
        return String.join("\n", lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
