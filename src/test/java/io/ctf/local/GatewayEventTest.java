package io.ctf.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctf.lambda.HttpApiEvent;
import io.ctf.webhook.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A request becomes the HTTP API (payload 2.0) event API Gateway would hand receiveWebhook. */
class GatewayEventTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00.123Z");

    @Test
    void headersAreLowerCasedRepeatedOnesJoinedAndTheContextFilledIn() throws Exception {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("Webhook-Id", List.of("msg_1"));
        headers.put("X-Forwarded-For", List.of("1.2.3.4", "5.6.7.8"));
        headers.put("Host", List.of("abc.trycloudflare.com"));
        headers.put("User-Agent", List.of("Composio-Webhook/1.0"));
        headers.put("Cookie", List.of("a=1; b=2"));

        ObjectNode event = GatewayEvent.of(Fixtures.JSON, "POST", "/webhook", "x=1&y=a%20b", headers,
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "127.0.0.1", "req-1", NOW);

        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("routeKey").asText()).isEqualTo("POST /webhook");
        assertThat(event.path("rawPath").asText()).isEqualTo("/webhook");
        assertThat(event.path("rawQueryString").asText()).isEqualTo("x=1&y=a%20b");
        assertThat(event.path("queryStringParameters").path("y").asText()).isEqualTo("a b");
        assertThat(event.path("headers").path("webhook-id").asText()).isEqualTo("msg_1");
        assertThat(event.path("headers").path("x-forwarded-for").asText()).isEqualTo("1.2.3.4,5.6.7.8");
        assertThat(event.path("headers").has("cookie")).isFalse();
        assertThat(event.path("cookies")).hasSize(2);
        assertThat(event.at("/requestContext/http/method").asText()).isEqualTo("POST");
        assertThat(event.at("/requestContext/http/sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(event.at("/requestContext/http/userAgent").asText()).isEqualTo("Composio-Webhook/1.0");
        assertThat(event.at("/requestContext/domainName").asText()).isEqualTo("abc.trycloudflare.com");
        assertThat(event.at("/requestContext/timeEpoch").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(event.path("body").asText()).isEqualTo("{\"a\":1}");
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();

        // What receiveWebhook binds it to, through the same Jackson reading.
        HttpApiEvent bound = Fixtures.JSON.treeToValue(event, HttpApiEvent.class);
        assertThat(bound.method()).isEqualTo("POST");
        assertThat(bound.header("webhook-id")).isEqualTo("msg_1");
    }

    @Test
    void aBodyThatIsNotTextIsBase64Encoded() {
        byte[] bytes = {(byte) 0xff, 0, 1, 2};
        ObjectNode binary = GatewayEvent.of(Fixtures.JSON, "POST", "/webhook", null,
                Map.of("Content-Type", List.of("application/json")), bytes, "127.0.0.1", "r", NOW);
        ObjectNode untyped = GatewayEvent.of(Fixtures.JSON, "POST", "/webhook", null,
                Map.of(), "{}".getBytes(StandardCharsets.UTF_8), "127.0.0.1", "r", NOW);

        assertThat(binary.path("isBase64Encoded").asBoolean()).as("not UTF-8").isTrue();
        assertThat(Base64.getDecoder().decode(binary.path("body").asText())).isEqualTo(bytes);
        assertThat(untyped.path("isBase64Encoded").asBoolean()).as("no content type").isTrue();
        assertThat(binary.path("rawQueryString").asText()).isEmpty();
    }
}
