package io.ctf.trigger;

import io.ctf.composio.ComposioApiError;
import io.ctf.lambda.CallerError;
import io.ctf.lambda.FunctionError;

/** No trigger with that id in the project (HTTP 404), or it was deleted and so cannot be enabled. */
public class TriggerNotFound extends FunctionError implements CallerError {

    public TriggerNotFound(String message, ComposioApiError cause) {
        super(message + RequestId.suffix(cause), cause);
    }
}
