package io.ctf.events;

import io.ctf.lambda.FunctionError;

/**
 * publishEvents has no bus (or no region) to publish to. A function error, so Lambda acknowledges
 * none of the batch and delivers it again, until the configuration is fixed or the records reach
 * the mapping's failure queue.
 */
public class EventBusNotConfigured extends FunctionError {

    public EventBusNotConfigured(String message) {
        super(message);
    }
}
