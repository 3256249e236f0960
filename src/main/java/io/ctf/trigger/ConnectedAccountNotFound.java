package io.ctf.trigger;

import io.ctf.lambda.CallerError;
import io.ctf.lambda.FunctionError;

/** No usable connected account: the given id is unknown, or the user has no ACTIVE account for the toolkit. */
public class ConnectedAccountNotFound extends FunctionError implements CallerError {

    public ConnectedAccountNotFound(String message) {
        super(message);
    }

    public ConnectedAccountNotFound(String message, Throwable cause) {
        super(message, cause);
    }
}
