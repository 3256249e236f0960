package io.ctf.composio;

import io.ctf.lambda.FunctionError;

import java.util.List;

/**
 * Composio answered with an error. Carries what Composio's error body said (parsed leniently: any
 * field may be missing) so a caller can act on it, and Composio's request id for its support.
 */
public class ComposioApiError extends FunctionError {

    private final int status;
    private final ComposioErrorBody.Detail detail;

    public ComposioApiError(int status, ComposioErrorBody.Detail detail) {
        this(status, detail, describe(status, detail));
    }

    protected ComposioApiError(int status, ComposioErrorBody.Detail detail, String message) {
        super(message);
        this.status = status;
        this.detail = detail == null ? ComposioErrorBody.Detail.EMPTY : detail;
    }

    public int status() {
        return status;
    }

    public Integer code() {
        return detail.code();
    }

    public String slug() {
        return detail.slug();
    }

    /** Composio's own message, without our decoration; may be null. */
    public String composioMessage() {
        return detail.message();
    }

    public String requestId() {
        return detail.requestId();
    }

    public String suggestedFix() {
        return detail.suggestedFix();
    }

    public List<String> errors() {
        return detail.errors() == null ? List.of() : detail.errors();
    }

    static String describe(int status, ComposioErrorBody.Detail detail) {
        var d = detail == null ? ComposioErrorBody.Detail.EMPTY : detail;
        var text = new StringBuilder("Composio answered HTTP ").append(status);
        if (d.slug() != null) {
            text.append(" (").append(d.slug()).append(')');
        }
        text.append(": ").append(d.message() != null ? d.message() : "no error message");
        if (d.errors() != null && !d.errors().isEmpty()) {
            text.append(' ').append(d.errors());
        }
        if (d.suggestedFix() != null) {
            text.append(". Suggested fix: ").append(d.suggestedFix());
        }
        if (d.requestId() != null) {
            text.append(" [Composio request id ").append(d.requestId()).append(']');
        }
        return text.toString();
    }
}
