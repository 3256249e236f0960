package io.ctf.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Composio's own webhook fixtures (copied from its repository) and real-shaped gateway events. */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** The secret Composio's fixture deliveries are signed with. */
    public static final String FIXTURE_SECRET = "test-webhook-secret-for-fixtures";
    /** The {@code webhook-timestamp} of every fixture delivery. */
    public static final long FIXTURE_TIME = 1738150200L;

    private Fixtures() {
    }

    public static JsonNode load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/webhook-fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture's headers and raw body as {@link SignedDelivery}. */
    static SignedDelivery delivery(String name) {
        JsonNode fixture = load(name);
        JsonNode headers = fixture.get("headers");
        return new SignedDelivery(headers.get("webhook-id").asText(), headers.get("webhook-timestamp").asText(),
                headers.get("webhook-signature").asText(), fixture.get("payload").asText().getBytes(StandardCharsets.UTF_8));
    }

    /** Composio's signature, computed independently of the code under test's verifier. */
    public static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An API Gateway HTTP API (payload 2.0) event, shaped as API Gateway sends it. */
    public static ObjectNode gatewayEvent(String method, Map<String, String> headers, String body, boolean base64) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "POST /webhook");
        event.put("rawPath", "/webhook");
        event.put("rawQueryString", "");
        ObjectNode h = event.putObject("headers");
        h.put("content-type", "application/json");
        h.put("user-agent", "Composio-Webhook/1.0");
        h.put("x-forwarded-for", "3.238.0.124");
        headers.forEach(h::put);
        ObjectNode ctx = event.putObject("requestContext");
        ctx.put("accountId", "123456789012");
        ctx.put("apiId", "abc123");
        ctx.put("domainName", "abc123.execute-api.eu-west-1.amazonaws.com");
        ctx.put("requestId", "req-1");
        ctx.put("routeKey", "POST /webhook");
        ctx.put("stage", "$default");
        ctx.put("timeEpoch", System.currentTimeMillis());
        ObjectNode http = ctx.putObject("http");
        http.put("method", method);
        http.put("path", "/webhook");
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "3.238.0.124");
        http.put("userAgent", "Composio-Webhook/1.0");
        if (body != null) {
            event.put("body", base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body);
        }
        event.put("isBase64Encoded", base64);
        return event;
    }

    /** A fixture delivery as API Gateway hands it to receiveWebhook. */
    public static ObjectNode fixtureEvent(String name, boolean base64) {
        JsonNode fixture = load(name);
        JsonNode headers = fixture.get("headers");
        return gatewayEvent("POST", Map.of(
                "webhook-id", headers.get("webhook-id").asText(),
                "webhook-timestamp", headers.get("webhook-timestamp").asText(),
                "webhook-signature", headers.get("webhook-signature").asText(),
                "x-composio-webhook-version", fixture.get("expectedResult").get("version").asText()),
                fixture.get("payload").asText(), base64);
    }

    /** A delivery signed now with {@code secret}, as Composio would send it. */
    public static ObjectNode signedEvent(String secret, String id, long timestamp, String body) {
        return gatewayEvent("POST", Map.of(
                "webhook-id", id,
                "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", sign(secret, id, timestamp, body)), body, false);
    }
}
