package io.ctf.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.quarkus.funqy.lambda.FunqyStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The JVM handler ({@code io.ctf.lambda.FunctionHandler::handleRequest}): Funqy's own stream
 * handler, except that a function's failure reaches Lambda as the exception the function threw.
 * Funqy wraps every failure in {@code io.quarkus.funqy.runtime.ApplicationException}, which would
 * make every {@code errorType} the same and defeat a Step Functions {@code Catch} on, say,
 * {@code io.ctf.trigger.InvalidTriggerConfig}.
 */
public class FunctionHandler implements RequestStreamHandler {

    private final FunqyStreamHandler funqy = new FunqyStreamHandler();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try {
            funqy.handleRequest(input, output, context);
        } catch (RuntimeException failure) {
            throw FunctionErrors.unwrap(failure);
        }
    }
}
