package io.ctf.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventNormaliserTest {

    private final EventNormaliser normaliser = new EventNormaliser(new ObjectMapper());

    @Test
    void v3TriggerMessageKeepsItsMetadata() {
        JsonNode expected = Fixtures.load("v3-github-push.json").get("expectedResult");
        WebhookEvent event = normaliser.normalise(Fixtures.delivery("v3-github-push.json"));

        assertThat(event.id()).isEqualTo("msg_fixture_v3_001");
        assertThat(event.version()).isEqualTo(expected.get("version").asText()).isEqualTo("V3");
        assertThat(event.type()).isEqualTo("composio.trigger.message");
        assertThat(event.triggerSlug()).isEqualTo(expected.get("triggerSlug").asText());
        assertThat(event.triggerId()).isEqualTo("ti_fixture_001");
        assertThat(event.userId()).isEqualTo(expected.get("userId").asText());
        assertThat(event.connectedAccountId()).isEqualTo(expected.get("connectedAccountId").asText());
        assertThat(event.authConfigId()).as("the SDK's authConfigId filter").isEqualTo("ac_fixture_001");
        assertThat(event.toolkit()).isEqualTo("github");
        assertThat(event.time()).isEqualTo("2026-01-29T10:30:00Z");
        assertThat(event.logId()).isEqualTo("log_fixture_001");
        assertThat(event.data().path("repository").path("full_name").asText()).isEqualTo("user/test-repo");
        assertThat(event.payload()).isEqualTo(Fixtures.load("v3-github-push.json").get("payload").asText());
    }

    @Test
    void v2DeliveryBecomesATriggerMessageWithItsNanoIds() {
        JsonNode expected = Fixtures.load("v2-github-push.json").get("expectedResult");
        WebhookEvent event = normaliser.normalise(Fixtures.delivery("v2-github-push.json"));

        assertThat(event.version()).isEqualTo("V2");
        assertThat(event.type()).isEqualTo("composio.trigger.message");
        assertThat(event.triggerSlug()).isEqualTo(expected.get("triggerSlug").asText());
        assertThat(event.userId()).isEqualTo(expected.get("userId").asText());
        assertThat(event.triggerId()).isEqualTo("ti_fixture_002");
        assertThat(event.connectedAccountId()).isEqualTo("ca_fixture_002");
        assertThat(event.toolkit()).isEqualTo("github");
        assertThat(event.time()).isEqualTo("2026-01-29T10:30:00Z");
        assertThat(event.logId()).isEqualTo("log_fixture_002");
        assertThat(event.data().path("ref").asText()).isEqualTo("refs/heads/main");
    }

    @Test
    void v1DeliveryTakesItsTimeFromTheDelivery() {
        JsonNode expected = Fixtures.load("v1-github-push.json").get("expectedResult");
        WebhookEvent event = normaliser.normalise(Fixtures.delivery("v1-github-push.json"));

        assertThat(event.version()).isEqualTo("V1");
        assertThat(event.type()).isEqualTo("composio.trigger.message");
        assertThat(event.triggerSlug()).isEqualTo(expected.get("triggerSlug").asText());
        assertThat(event.triggerId()).isEqualTo(expected.get("triggerId").asText());
        assertThat(event.connectedAccountId()).isEqualTo("conn_fixture_001");
        assertThat(event.userId()).isNull();
        assertThat(event.time()).isEqualTo("2025-01-29T11:30:00Z");
        assertThat(event.logId()).isEqualTo("log_fixture_003");
        assertThat(event.data().path("commits").get(0).path("id").asText()).isEqualTo("def456");
    }

    @Test
    void v1FromTheSeedWithoutLogIdIsUnderstood() {
        String seed = """
                {"trigger_name":"SLACK_RECEIVE_MESSAGE","connection_id":"7baac1d4-e3be-41ae-9550-5ce9829579c9",
                 "trigger_id":"fb36f8db-caf0-4d2c-9cd6-0cb575a5689e",
                 "payload":{"channel":"C07JB863EBW","user":"U07JMDFMR7B","text":"hey","ts":"1733236813.895519",
                            "team_id":"T07J24QFB62","bot_id":null,"channel_type":"channel"}}""";
        WebhookEvent event = normaliser.normalise(delivery(seed));

        assertThat(event.version()).isEqualTo("V1");
        assertThat(event.triggerSlug()).isEqualTo("SLACK_RECEIVE_MESSAGE");
        assertThat(event.toolkit()).isEqualTo("slack");
        assertThat(event.logId()).isNull();
        assertThat(event.data().path("text").asText()).isEqualTo("hey");
    }

    @Test
    void seedAdminEventsKeepTheirOwnType() {
        for (String type : new String[]{"connected_account.add.start", "connected_account.add.completed"}) {
            String seed = """
                    {"event":{"method":"POST","path":"/","query":{},"client_ip":"3.238.0.124",
                      "body":{"type":"%s","timestamp":"2024-10-17T09:10:15.989Z",
                        "data":{"app_name":"slack","integration_name":"slack_worthy_cyan",
                                "integration_id":"dummy-integration-id-12345","body":{},
                                "connected_account_id":"dummy-connected-account-id-67890"}}}}""".formatted(type);
            WebhookEvent event = normaliser.normalise(delivery(seed));

            assertThat(event.version()).isEqualTo("ADMIN");
            assertThat(event.type()).isEqualTo(type);
            assertThat(event.toolkit()).isEqualTo("slack");
            assertThat(event.connectedAccountId()).isEqualTo("dummy-connected-account-id-67890");
            assertThat(event.time()).isEqualTo("2024-10-17T09:10:15.989Z");
        }
    }

    @Test
    void v3LifecycleEventsAndFutureComposioTypesAreV3() {
        String expired = """
                {"id":"evt_1","timestamp":"2026-02-01T00:00:00Z","type":"composio.connected_account.expired",
                 "metadata":{"connected_account_id":"ca_9","user_id":"u_9","auth_config_id":"ac_9"},"data":{"status":"EXPIRED"}}""";
        String disabled = """
                {"id":"evt_2","timestamp":"2026-02-01T00:00:00Z","type":"composio.trigger.disabled",
                 "metadata":{"trigger_slug":"SLACK_RECEIVE_MESSAGE","trigger_id":"ti_9"},"data":{"disabled_reason":"account expired"}}""";
        String future = """
                {"id":"evt_3","timestamp":"2026-02-01T00:00:00Z","type":"composio.toolkit.renamed","data":{}}""";

        WebhookEvent e1 = normaliser.normalise(delivery(expired));
        assertThat(e1.version()).isEqualTo("V3");
        assertThat(e1.type()).isEqualTo("composio.connected_account.expired");
        assertThat(e1.connectedAccountId()).isEqualTo("ca_9");
        assertThat(e1.userId()).isEqualTo("u_9");
        assertThat(e1.authConfigId()).isEqualTo("ac_9");

        WebhookEvent e2 = normaliser.normalise(delivery(disabled));
        assertThat(e2.type()).isEqualTo("composio.trigger.disabled");
        assertThat(e2.triggerId()).isEqualTo("ti_9");
        assertThat(e2.toolkit()).isEqualTo("slack");
        assertThat(e2.data().path("disabled_reason").asText()).isEqualTo("account expired");

        WebhookEvent e3 = normaliser.normalise(delivery(future));
        assertThat(e3.version()).isEqualTo("V3");
        assertThat(e3.type()).isEqualTo("composio.toolkit.renamed");
    }

    @Test
    void anAuthenticObjectOfAnUnknownShapeIsKeptAsUnknown() {
        String body = "{\"hello\":\"world\"}";
        WebhookEvent event = normaliser.normalise(delivery(body));
        assertThat(event.version()).isEqualTo("UNKNOWN");
        assertThat(event.type()).isEqualTo("unknown");
        assertThat(event.payload()).isEqualTo(body);
    }

    @Test
    void anAuthenticArrayIs400() {
        assertThatThrownBy(() -> normaliser.normalise(delivery("[1,2,3]")))
                .isInstanceOfSatisfying(WebhookRejected.class, r -> {
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(r.reason()).isEqualTo("body is not a JSON object");
                });
    }

    @Test
    void anAuthenticScalarIs400() {
        for (String body : new String[]{"42", "\"text\"", "true", "null"}) {
            assertThatThrownBy(() -> normaliser.normalise(delivery(body))).as(body)
                    .isInstanceOfSatisfying(WebhookRejected.class, r -> {
                        assertThat(r.status()).isEqualTo(400);
                        assertThat(r.reason()).isEqualTo("body is not a JSON object");
                    });
        }
    }

    @Test
    void anEmptyOrNonJsonBodyIs400() {
        for (String body : new String[]{"", "not json", "{\"unterminated\":"}) {
            assertThatThrownBy(() -> normaliser.normalise(delivery(body)))
                    .isInstanceOfSatisfying(WebhookRejected.class, r -> assertThat(r.status()).isEqualTo(400));
        }
    }

    private static SignedDelivery delivery(String body) {
        return new SignedDelivery("msg_t", "1738150200", "v1,irrelevant", body.getBytes(StandardCharsets.UTF_8));
    }
}
