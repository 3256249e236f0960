package io.ctf.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctf.lambda.FunctionError;
import io.ctf.lambda.FunctionErrors;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.funqy.runtime.FunctionInvoker;
import io.quarkus.funqy.runtime.FunctionRecorder;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Runs any function of the set in this JVM as the Lambda binding runs the exported one: the input
 * read and the output written with the reader and writer Funqy's Lambda binding made for that
 * function, inside a request context, a failure unwrapped from Funqy's ApplicationException as
 * {@code io.ctf.lambda.FunctionHandler} does on Lambda. {@code quarkus.funqy.export} only picks which
 * function the Lambda poll loop serves; every {@code @Funq} is registered either way.
 */
final class FunctionRunner {

    private static final Logger LOG = Logger.getLogger(FunctionRunner.class);

    private final ObjectMapper json;

    FunctionRunner(ObjectMapper json) {
        this.json = json;
    }

    List<String> names() {
        return FunctionRecorder.registry.invokers().stream().map(FunctionInvoker::getName).sorted().toList();
    }

    Optional<FunctionInvoker> find(String name) {
        return Optional.ofNullable(FunctionRecorder.registry.matchInvoker(name));
    }

    /**
     * {@code POST /functions/<name>}: 200 with the output, or Lambda's
     * {@code {"errorType", "errorMessage"}} with the status {@link FunctionErrorStatus} gives it.
     */
    HttpAnswer run(FunctionInvoker function, byte[] body) {
        Object input;
        try {
            input = read(function, body);
        } catch (JsonProcessingException e) {
            // What Lambda's Invoke API answers for a payload that is not JSON, before any function runs.
            String type = e instanceof com.fasterxml.jackson.core.JsonParseException
                    ? "InvalidRequestContentException" : e.getClass().getName();
            return failure(400, type, "Could not parse request body into json: " + e.getOriginalMessage());
        } catch (IOException e) {
            return failure(400, "InvalidRequestContentException", "Could not read the request body: " + e.getMessage());
        }
        try {
            return HttpAnswer.json(200, write(function, call(function, input)));
        } catch (RuntimeException thrown) {
            int status = FunctionErrorStatus.of(thrown);
            if (thrown instanceof FunctionError) {
                // Written for a person, never with a secret: the message says it all.
                LOG.infof("%s: %d %s: %s", function.getName(), status, thrown.getClass().getName(), thrown.getMessage());
            } else {
                LOG.errorf(thrown, "%s failed: %d %s", function.getName(), status, thrown.getClass().getName());
            }
            return failure(status, thrown.getClass().getName(), thrown.getMessage());
        } catch (JsonProcessingException e) {
            LOG.errorf(e, "%s: its output could not be written as JSON", function.getName());
            return failure(500, e.getClass().getName(), "the output could not be written as JSON");
        }
    }

    /** Runs {@code function} on a JSON event and returns its output as JSON; a failure is thrown, unwrapped. */
    JsonNode runOnEvent(FunctionInvoker function, byte[] event) throws IOException {
        return json.readTree(write(function, call(function, read(function, event))));
    }

    private Object read(FunctionInvoker function, byte[] body) throws IOException {
        if (!function.hasInput() || body.length == 0) {
            return null;
        }
        Object reader = function.getBindingContext().get(ObjectReader.class.getName());
        return reader instanceof ObjectReader r ? r.readValue(body)
                : json.readerFor(json.constructType(function.getInputType())).readValue(body);
    }

    private byte[] write(FunctionInvoker function, Object output) throws JsonProcessingException {
        if (output == null) {
            return new byte[0];
        }
        Object writer = function.getBindingContext().get(ObjectWriter.class.getName());
        return writer instanceof ObjectWriter w ? w.writeValueAsBytes(output) : json.writeValueAsBytes(output);
    }

    private static Object call(FunctionInvoker function, Object input) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            Invocation invocation = new Invocation(input);
            function.invoke(invocation, invocation);
            return invocation.getOutput().await().indefinitely();
        } catch (RuntimeException failure) {
            throw FunctionErrors.unwrap(failure);
        } finally {
            requestContext.terminate();
        }
    }

    private HttpAnswer failure(int status, String type, String message) {
        ObjectNode error = json.createObjectNode()
                .put("errorType", type)
                .put("errorMessage", message == null ? "" : message);
        return HttpAnswer.json(json, status, error);
    }
}
