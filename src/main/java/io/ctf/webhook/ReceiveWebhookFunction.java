package io.ctf.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctf.lambda.HttpApiEvent;
import io.ctf.lambda.HttpApiResponse;
import io.ctf.lambda.InvalidInput;
import io.ctf.lambda.JsonInput;
import io.ctf.metrics.DeliveryOutcome;
import io.ctf.metrics.FunctionInvocation;
import io.ctf.metrics.Metrics;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import software.amazon.awssdk.core.exception.SdkException;

import java.time.Duration;
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

    @Inject
    Metrics metrics;

    /** MDC key of the delivery's {@code webhook-id} in every log line written while it is handled. */
    public static final String WEBHOOK_ID_MDC = "webhookId";

    private volatile Verifier verifier;
    private volatile EventNormaliser normaliser;

    @Funq("receiveWebhook")
    @FunctionInvocation
    public HttpApiResponse receiveWebhook(JsonNode input) {
        HttpApiEvent event = gatewayEvent(input);
        String webhookId = event.header("webhook-id");
        if (webhookId != null) {
            // Composio's id of the delivery (a header anyone can send: bounded; the JSON log escapes it).
            MDC.put(WEBHOOK_ID_MDC, webhookId.length() > 128 ? webhookId.substring(0, 128) : webhookId);
        }
        try {
            return answer(event);
        } finally {
            MDC.remove(WEBHOOK_ID_MDC);
        }
    }

    /** Every answer with its one outcome: each path below records exactly one. */
    private HttpApiResponse answer(HttpApiEvent event) {
        String method = event.method();
        if (method != null && !"POST".equalsIgnoreCase(method)) {
            return reject(new WebhookRejected(405, "only POST is accepted"), Map.of("allow", "POST"));
        }
        Duration storeLatency = null;
        try {
            SignedDelivery delivery = SignedDelivery.from(event, config.maxBodyBytes());
            verify(delivery);
            WebhookEvent parsed = normaliser().normalise(delivery);
            long start = System.nanoTime();
            boolean stored;
            try {
                stored = sink.store(parsed);
            } finally {
                storeLatency = Duration.ofNanos(System.nanoTime() - start);
            }
            String receipt = json.writeValueAsString(new Receipt(parsed.id(), parsed.version(), parsed.type(), !stored));
            metrics.delivery(stored ? DeliveryOutcome.STORED : DeliveryOutcome.DUPLICATE, storeLatency);
            return HttpApiResponse.json(200, receipt);
        } catch (WebhookRejected rejected) {
            return reject(rejected, Map.of());
        } catch (StoreNotConfigured notConfigured) {
            LOG.errorf("delivery not stored, answering 503: %s", notConfigured.getMessage());
            metrics.delivery(DeliveryOutcome.NOT_CONFIGURED, null);
            return storeFailed();
        } catch (RuntimeException | JsonProcessingException storeFailed) {
            // Not acknowledged: Composio retries, so nothing is lost. An AWS error says all there is
            // to say in its message (service, status, error code, request id): one line, not the SDK's
            // call stack; anything else is a bug here and keeps its stack trace.
            if (storeFailed instanceof SdkException aws) {
                LOG.errorf("delivery %s not stored; answering 503 so Composio retries: %s", event.header("webhook-id"), aws);
            } else {
                LOG.errorf(storeFailed, "delivery %s not stored; answering 503 so Composio retries", event.header("webhook-id"));
            }
            metrics.delivery(DeliveryOutcome.STORE_FAILED, storeLatency);
            return storeFailed();
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

    private static HttpApiResponse storeFailed() {
        return error(503, Map.of("retry-after", "5"), "event could not be stored, retry later");
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
            throw new WebhookRejected(503, WebhookRejected.SECRET_NOT_CONFIGURED);
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

    private HttpApiResponse reject(WebhookRejected rejected, Map<String, String> headers) {
        if (rejected.isSecretNotConfigured()) {
            LOG.errorf("delivery refused with 503 (%s): set COMPOSIO_WEBHOOK_SECRET, or run subscribeWebhooks"
                    + " to store one in COMPOSIO_WEBHOOK_SECRET_PARAMETER", rejected.reason());
        } else {
            LOG.debugf("delivery refused: %d %s", rejected.status(), rejected.reason());
        }
        metrics.delivery(outcomeOf(rejected), null);
        return error(rejected.status(), headers, rejected.reason());
    }

    static DeliveryOutcome outcomeOf(WebhookRejected rejected) {
        return switch (rejected.status()) {
            case 401 -> DeliveryOutcome.UNAUTHENTICATED;
            case 405 -> DeliveryOutcome.METHOD_NOT_ALLOWED;
            case 413 -> DeliveryOutcome.TOO_LARGE;
            // The secrets could not be read (SSM failed: transient) or there are none (configuration).
            case 503 -> rejected.isSecretNotConfigured() ? DeliveryOutcome.NOT_CONFIGURED : DeliveryOutcome.STORE_FAILED;
            default -> DeliveryOutcome.MALFORMED;
        };
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
