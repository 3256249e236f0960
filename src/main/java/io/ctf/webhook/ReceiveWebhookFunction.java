package io.ctf.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctf.lambda.HttpApiEvent;
import io.ctf.lambda.HttpApiResponse;
import io.ctf.lambda.InvalidInput;
import io.ctf.lambda.JsonInput;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code receiveWebhook}: Composio's deliveries, through API Gateway (HTTP API, payload 2.0).
 * gateway event → {@link SignedDelivery} → {@link SignatureVerifier} → {@link EventNormaliser} → {@link EventSink}.
 * Answers 2xx only once the event is stored; anything else makes Composio deliver again.
 * <p>
 * An input that is not an API Gateway event (a direct invoke with the wrong payload, a test event
 * of another service) is no delivery at all: it fails as the function error {@link InvalidInput},
 * so the caller reads what went wrong and Lambda's error metric counts it, rather than a
 * successful invocation carrying an HTTP 400 that nobody sees.
 */
@ApplicationScoped // one instance per container, so the verifier and normaliser built on first use are kept
public class ReceiveWebhookFunction {

    private static final Logger LOG = Logger.getLogger(ReceiveWebhookFunction.class);

    @Inject
    WebhookConfig config;

    @Inject
    EventSink sink;

    @Inject
    ObjectMapper json;

    @Inject
    InstantSource clock;

    @Inject
    WebhookSecretSource secrets;

    @Inject
    JsonInput inputs;

    private volatile Verifier verifier;
    private volatile EventNormaliser normaliser;

    @Funq("receiveWebhook")
    public HttpApiResponse receiveWebhook(JsonNode input) {
        HttpApiEvent event = gatewayEvent(input);
        String method = event.method();
        if (method != null && !"POST".equalsIgnoreCase(method)) {
            return reject(new WebhookRejected(405, "only POST is accepted"), Map.of("allow", "POST"));
        }
        try {
            SignedDelivery delivery = SignedDelivery.from(event, config.maxBodyBytes());
            verify(delivery);
            WebhookEvent parsed = normaliser().normalise(delivery);
            boolean stored = sink.store(parsed);
            return HttpApiResponse.json(200, json.writeValueAsString(
                    new Receipt(parsed.id(), parsed.version(), parsed.type(), !stored)));
        } catch (WebhookRejected rejected) {
            return reject(rejected, Map.of());
        } catch (RuntimeException | JsonProcessingException storeFailed) {
            // Not acknowledged: Composio retries, so nothing is lost.
            LOG.errorf(storeFailed, "delivery %s not stored; answering 503 so Composio retries", event.header("webhook-id"));
            return error(503, Map.of("retry-after", "5"), "event could not be stored, retry later");
        }
    }

    /** Every API Gateway event has a {@code requestContext}; its fields must have API Gateway's types. */
    private HttpApiEvent gatewayEvent(JsonNode input) {
        if (input == null || !input.isObject() || !input.path("requestContext").isObject()) {
            throw new InvalidInput("receiveWebhook takes the API Gateway HTTP API event (payload format 2.0) of a delivery"
                    + " to POST /webhook, and this input is not one (it has no 'requestContext' object)."
                    + " Composio delivers to the stack's WebhookUrl; send test deliveries there (scripts/ has a sample)");
        }
        try {
            return inputs.read(input, HttpApiEvent.class);
        } catch (InvalidInput wrongType) {
            throw new InvalidInput(wrongType.getMessage() + " (receiveWebhook takes an API Gateway HTTP API event, payload format 2.0)");
        }
    }

    private void verify(SignedDelivery delivery) {
        var accepted = secrets.accepted();
        try {
            verifier(accepted).verify(delivery, clock.instant());
        } catch (WebhookRejected rejected) {
            // The secret may have been rotated since it was cached: read it again (rate-limited).
            var fresh = rejected.isSignatureMismatch() ? secrets.refreshedAfterMismatch(accepted) : Optional.<List<String>>empty();
            if (fresh.isEmpty()) {
                throw rejected;
            }
            verifier(fresh.get()).verify(delivery, clock.instant());
        }
    }

    private SignatureVerifier verifier(List<String> accepted) {
        if (accepted.isEmpty()) {
            // Fail closed; Composio keeps the delivery and retries once the secret is set.
            throw new WebhookRejected(503, "webhook secret is not configured");
        }
        Verifier current = verifier;
        if (current == null || !current.secrets().equals(accepted)) {
            current = verifier = new Verifier(accepted, new SignatureVerifier(accepted, config.tolerance()));
        }
        return current.verifier();
    }

    private record Verifier(List<String> secrets, SignatureVerifier verifier) {
        @Override
        public String toString() {
            return "Verifier[" + secrets.size() + " secrets]";
        }
    }

    private EventNormaliser normaliser() {
        EventNormaliser current = normaliser;
        if (current == null) {
            current = normaliser = new EventNormaliser(json);
        }
        return current;
    }

    private static HttpApiResponse reject(WebhookRejected rejected, Map<String, String> headers) {
        if (rejected.status() == 503) {
            LOG.errorf("delivery refused with 503 (%s): set COMPOSIO_WEBHOOK_SECRET, or run subscribeWebhooks"
                    + " to store one in COMPOSIO_WEBHOOK_SECRET_PARAMETER", rejected.reason());
        } else {
            LOG.debugf("delivery refused: %d %s", rejected.status(), rejected.reason());
        }
        return error(rejected.status(), headers, rejected.reason());
    }

    private static HttpApiResponse error(int status, Map<String, String> headers, String reason) {
        // Reasons are fixed phrases of ours: nothing from the request or the configuration.
        return HttpApiResponse.json(status, headers, "{\"error\":\"" + reason + "\"}");
    }

    /** What receiveWebhook answers for an authentic delivery. */
    @RegisterForReflection
    public record Receipt(String id, String version, String type, boolean duplicate) {
    }
}
