package io.ctf.trigger;

import io.ctf.composio.ComposioApiError;
import io.ctf.lambda.CallerError;
import io.ctf.lambda.FunctionError;

/**
 * Composio knows no trigger type by that slug: {@code GET /triggers_types/{slug}} answered 400 (as
 * Composio does for an unknown slug) or 404.
 */
public class TriggerTypeNotFound extends FunctionError implements CallerError {

    public TriggerTypeNotFound(String slug, String toolkitVersion, ComposioApiError cause) {
        super("Composio has no trigger type '" + slug + "'"
                + (toolkitVersion == null ? "" : " in toolkit version '" + toolkitVersion + "'")
                + (cause.composioMessage() == null ? "" : " (Composio: " + cause.composioMessage() + ")")
                + ": check the slug (e.g. GITHUB_COMMIT_EVENT; listTriggerTypes lists a toolkit's trigger types)"
                + RequestId.suffix(cause), cause);
    }
}
