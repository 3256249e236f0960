package io.ctf.trigger;

import io.ctf.composio.ComposioApiError;
import io.ctf.lambda.CallerError;
import io.ctf.lambda.FunctionError;

/** Composio knows no trigger type by that slug (HTTP 404 on {@code GET /triggers_types/{slug}}). */
public class TriggerTypeNotFound extends FunctionError implements CallerError {

    public TriggerTypeNotFound(String slug, String toolkitVersion, ComposioApiError cause) {
        super("Composio has no trigger type '" + slug + "'"
                + (toolkitVersion == null ? "" : " in toolkit version '" + toolkitVersion + "'")
                + ": check the slug (e.g. GITHUB_COMMIT_EVENT; Composio's dashboard lists each toolkit's triggers)"
                + RequestId.suffix(cause), cause);
    }
}
