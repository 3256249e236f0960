package io.ctf.events;

import io.ctf.lambda.CallerError;
import io.ctf.lambda.FunctionError;

/**
 * The input is not a DynamoDB stream batch as Lambda delivers it, or one of its records has no
 * {@code dynamodb.SequenceNumber} (so it cannot be reported as a failed item). A function error:
 * nothing is acknowledged, and Lambda's bisection isolates the record on retry.
 */
public class MalformedStreamBatch extends FunctionError implements CallerError {

    public MalformedStreamBatch(String message) {
        super(message);
    }
}
