package io.ctf.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.quarkus.funqy.lambda.FunqyStreamHandler;
import org.jboss.logging.MDC;

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

    /** The MDC key of Quarkus's Lambda poll loop (AbstractLambdaPollLoop), so both runtimes log the same field. */
    static final String REQUEST_ID_MDC = "AWSRequestId";

    private final FunqyStreamHandler funqy = new FunqyStreamHandler();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        // Quarkus's own poll loop (native) puts the request id in the MDC; Lambda's Java runtime calls
        // this handler instead, so the id is put here, under the same key, for every log line.
        if (context != null && context.getAwsRequestId() != null) {
            MDC.put(REQUEST_ID_MDC, context.getAwsRequestId());
        }
        try {
            funqy.handleRequest(input, output, context);
        } catch (RuntimeException failure) {
            throw FunctionErrors.unwrap(failure);
        } finally {
            MDC.remove(REQUEST_ID_MDC);
        }
    }
}
