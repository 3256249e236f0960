package io.ctf.lambda;

/**
 * Base of every failure a directly invoked function reports. The Lambda runtime turns an uncaught
 * exception into a function error whose {@code errorType} is the exception's class name, so each
 * subclass name is part of the public contract (a Step Functions {@code Catch} matches on it):
 * rename none of them.
 * <p>
 * Messages are written for a person and never carry a secret.
 */
public abstract class FunctionError extends RuntimeException {

    protected FunctionError(String message) {
        super(message);
    }

    protected FunctionError(String message, Throwable cause) {
        super(message, cause);
    }
}
