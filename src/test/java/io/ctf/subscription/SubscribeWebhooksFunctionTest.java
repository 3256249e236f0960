package io.ctf.subscription;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ctf.composio.InjectWireMock;
import io.ctf.composio.WireMockComposio;
import io.ctf.lambda.LogCapture;
import io.ctf.lambda.MockLambda;
import io.ctf.webhook.InMemoryWebhookSecretStore;
import io.ctf.webhook.WebhookSecrets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** subscribeWebhooks through the mock Lambda event server, against a WireMock Composio speaking the spec's shapes. */
@QuarkusTest
@TestProfile(SubscribeWebhooksFunctionTest.Export.class)
@QuarkusTestResource(WireMockComposio.class)
public class SubscribeWebhooksFunctionTest {

    static final String RECEIVER = "https://abc123.execute-api.eu-west-1.amazonaws.com/webhook";
    static final String SUBSCRIPTIONS = "/api/v3.1/webhook_subscriptions";
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    public static final String DEFAULT_EVENTS_JSON =
            "[\"composio.trigger.message\",\"composio.connected_account.expired\",\"composio.trigger.disabled\"]";

    public static class Export implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "subscribeWebhooks",
                    "composio.webhook.url", RECEIVER);
        }
    }

    @InjectWireMock
    WireMockServer composio;

    @Inject
    InMemoryWebhookSecretStore store;

    @BeforeEach
    void reset() {
        composio.resetAll();
        store.reset();
        QuarkusMock.installMockForType(InstantSource.fixed(NOW), InstantSource.class);
    }

    @Test
    void createsTheSubscriptionAndStoresItsSecretWithoutReturningIt() {
        store.write(WebhookSecrets.NONE);
        noSubscription();
        composio.stubFor(post(urlPathEqualTo(SUBSCRIPTIONS)).willReturn(aResponse().withStatus(201)
                .withHeader("content-type", "application/json").withBody(subscription("ws_1", RECEIVER, DEFAULT_EVENTS_JSON, "whsec_created"))));

        invoke("{}")
                .body("subscription_id", equalTo("ws_1"))
                .body("webhook_url", equalTo(RECEIVER))
                .body("version", equalTo("V3"))
                .body("events[0]", equalTo("composio.trigger.message"))
                .body("action", equalTo("created"))
                .body("secret_rotated", equalTo(true))
                .body("secret_stored_in", equalTo("/test/composio/webhook-secrets"))
                .body(not(containsString("whsec_created")));

        composio.verify(postRequestedFor(urlPathEqualTo(SUBSCRIPTIONS)).withRequestBody(equalToJson(
                "{\"webhook_url\":\"" + RECEIVER + "\",\"enabled_events\":" + DEFAULT_EVENTS_JSON + ",\"version\":\"V3\"}")));
        assertThat(store.secrets()).isEqualTo(new WebhookSecrets("whsec_created", null, NOW, "ws_1"));
    }

    @Test
    void runningItAgainChangesNothing() {
        store.write(new WebhookSecrets("whsec_stored", null, null));
        existing(subscription("ws_1", RECEIVER, DEFAULT_EVENTS_JSON, "whsec_******"));

        invoke("{}")
                .body("action", equalTo("unchanged"))
                .body("secret_rotated", equalTo(false));

        composio.verify(0, postRequestedFor(anyUrl()));
        composio.verify(0, patchRequestedFor(anyUrl()));
        assertThat(store.secrets().current()).isEqualTo("whsec_stored");
    }

    @Test
    void pointsTheExistingSubscriptionAtTheReceiverKeepingItsSecret() {
        store.write(new WebhookSecrets("whsec_stored", null, null));
        existing(subscription("ws_1", "https://old.example.com/hook", "[\"composio.trigger.message\"]", "whsec_******"));
        composio.stubFor(patch(urlPathEqualTo(SUBSCRIPTIONS + "/ws_1")).willReturn(okJson(
                subscription("ws_1", RECEIVER, "[\"composio.trigger.message\",\"composio.trigger.disabled\"]", "whsec_******"))));

        invoke("{\"events\": [\"composio.trigger.message\", \"composio.trigger.disabled\", \"composio.trigger.message\"]}")
                .body("action", equalTo("updated"))
                .body("webhook_url", equalTo(RECEIVER))
                .body("events.size()", equalTo(2))
                .body("secret_rotated", equalTo(false));

        composio.verify(patchRequestedFor(urlPathEqualTo(SUBSCRIPTIONS + "/ws_1")).withRequestBody(equalToJson(
                "{\"webhook_url\":\"" + RECEIVER + "\",\"enabled_events\":[\"composio.trigger.message\",\"composio.trigger.disabled\"],\"version\":\"V3\"}")));
        assertThat(store.secrets().current()).isEqualTo("whsec_stored");
    }

    @Test
    void rotatingKeepsTheOldSecretAsPrevious() {
        store.write(new WebhookSecrets("whsec_old", null, null));
        existing(subscription("ws_1", RECEIVER, DEFAULT_EVENTS_JSON, "whsec_******"));
        composio.stubFor(post(urlPathEqualTo(SUBSCRIPTIONS + "/ws_1/rotate_secret"))
                .willReturn(okJson("{\"id\":\"ws_1\",\"secret\":\"whsec_rotated\"}")));

        invoke("{\"rotate_secret\": true}")
                .body("action", equalTo("unchanged"))
                .body("secret_rotated", equalTo(true))
                .body(not(containsString("whsec_rotated")))
                .body(not(containsString("whsec_old")));

        assertThat(store.secrets()).isEqualTo(new WebhookSecrets("whsec_rotated", "whsec_old", NOW, "ws_1"));
    }

    @Test
    void aSubscriptionWhoseSecretWeNeverSawIsRotatedSoTheReceiverCanVerify() {
        store.write(WebhookSecrets.NONE);
        existing(subscription("ws_dashboard", RECEIVER, DEFAULT_EVENTS_JSON, "whsec_******"));
        composio.stubFor(post(urlPathEqualTo(SUBSCRIPTIONS + "/ws_dashboard/rotate_secret"))
                .willReturn(okJson("{\"id\":\"ws_dashboard\",\"secret\":\"whsec_ours\"}")));

        invoke("{}").body("secret_rotated", equalTo(true));

        assertThat(store.secrets().current()).isEqualTo("whsec_ours");
    }

    @Test
    void aConflictOnCreateTakesOverTheSubscriptionThatExistsMeanwhile() {
        store.write(new WebhookSecrets("whsec_stored", null, null));
        composio.stubFor(get(urlPathEqualTo(SUBSCRIPTIONS)).inScenario("race").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"items\":[],\"next_cursor\":null}")).willSetStateTo("created elsewhere"));
        composio.stubFor(get(urlPathEqualTo(SUBSCRIPTIONS)).inScenario("race").whenScenarioStateIs("created elsewhere")
                .willReturn(okJson("{\"items\":[" + subscription("ws_2", "https://other.example.com", DEFAULT_EVENTS_JSON, "whsec_******") + "]}")));
        composio.stubFor(post(urlPathEqualTo(SUBSCRIPTIONS)).willReturn(aResponse().withStatus(409)
                .withHeader("content-type", "application/json")
                .withBody("{\"error\":{\"message\":\"Webhook subscription already exists\",\"code\":409,\"status\":409}}")));
        composio.stubFor(patch(urlPathEqualTo(SUBSCRIPTIONS + "/ws_2"))
                .willReturn(okJson(subscription("ws_2", RECEIVER, DEFAULT_EVENTS_JSON, "whsec_******"))));
        composio.stubFor(post(urlPathEqualTo(SUBSCRIPTIONS + "/ws_2/rotate_secret"))
                .willReturn(okJson("{\"id\":\"ws_2\",\"secret\":\"whsec_taken_over\"}")));

        // It may be our own create, answered with a 5xx and retried: its secret was never seen, so rotate.
        invoke("{}")
                .body("subscription_id", equalTo("ws_2"))
                .body("action", equalTo("updated"))
                .body("secret_rotated", equalTo(true));

        assertThat(store.secrets()).isEqualTo(new WebhookSecrets("whsec_taken_over", "whsec_stored", NOW, "ws_2"));
    }

    @Test
    void aStoredSecretOfAnotherSubscriptionIsNotTakenForThisOnes() {
        store.write(new WebhookSecrets("whsec_of_deleted", null, NOW.minusSeconds(86_400), "ws_deleted"));
        existing(subscription("ws_new", RECEIVER, DEFAULT_EVENTS_JSON, "whsec_******"));
        composio.stubFor(post(urlPathEqualTo(SUBSCRIPTIONS + "/ws_new/rotate_secret"))
                .willReturn(okJson("{\"id\":\"ws_new\",\"secret\":\"whsec_new\"}")));

        invoke("{}").body("action", equalTo("unchanged")).body("secret_rotated", equalTo(true));

        assertThat(store.secrets().current()).isEqualTo("whsec_new");
        assertThat(store.secrets().subscriptionId()).isEqualTo("ws_new");
    }

    @Test
    void noSecretReachesTheLog() {
        LogCapture log = new LogCapture().install();
        try {
            store.write(WebhookSecrets.NONE);
            noSubscription();
            composio.stubFor(post(urlPathEqualTo(SUBSCRIPTIONS)).willReturn(aResponse().withStatus(201)
                    .withHeader("content-type", "application/json").withBody(subscription("ws_1", RECEIVER, DEFAULT_EVENTS_JSON, "whsec_created"))));
            composio.stubFor(post(urlPathEqualTo(SUBSCRIPTIONS + "/ws_1/rotate_secret"))
                    .willReturn(okJson("{\"id\":\"ws_1\",\"secret\":\"whsec_rotated\"}")));

            invoke("{}").body("action", equalTo("created"));
            existing(subscription("ws_1", RECEIVER, DEFAULT_EVENTS_JSON, "whsec_******"));
            invoke("{\"rotate_secret\": true}").body("secret_rotated", equalTo(true));

            assertThat(log.all()).contains("ws_1").doesNotContain("whsec_created").doesNotContain("whsec_rotated");
        } finally {
            log.uninstall();
        }
    }

    @Test
    void aSecretThatCannotBeStoredIsAFunctionErrorTellingWhatToDo() {
        store.write(new WebhookSecrets("whsec_old", null, null));
        existing(subscription("ws_1", RECEIVER, DEFAULT_EVENTS_JSON, "whsec_******"));
        composio.stubFor(post(urlPathEqualTo(SUBSCRIPTIONS + "/ws_1/rotate_secret"))
                .willReturn(okJson("{\"id\":\"ws_1\",\"secret\":\"whsec_lost\"}")));
        store.unreachable(true);

        invokeFailing("{\"rotate_secret\": true}")
                .body("errorType", equalTo("io.ctf.subscription.SecretNotStored"))
                .body("errorMessage", containsString("/test/composio/webhook-secrets"))
                .body("errorMessage", containsString("rotate_secret"))
                .body(not(containsString("whsec_lost")));
    }

    @Test
    void badInputNamesTheFieldAndCallsNothing() {
        invokeFailing("{\"webhook_url\": \"http://insecure.example.com/webhook\"}")
                .body("errorType", equalTo("io.ctf.lambda.InvalidInput"))
                .body("errorMessage", containsString("'webhook_url' must be an absolute https:// URL"));
        invokeFailing("{\"webhook_url\": \"not a url\"}")
                .body("errorType", equalTo("io.ctf.lambda.InvalidInput"))
                .body("errorMessage", containsString("webhook_url"));
        invokeFailing("{\"events\": [{\"a\": 1}]}")
                .body("errorType", equalTo("io.ctf.lambda.InvalidInput")).body("errorMessage", startsWith("'events[0]' has the wrong type"));
        invokeFailing("{\"events\": []}")
                .body("errorType", equalTo("io.ctf.lambda.InvalidInput"))
                .body("errorMessage", containsString("'events' must name at least one event type"));
        invokeFailing("{\"events\": [\"composio.trigger.message\", \" \"]}")
                .body("errorMessage", containsString("'events' contains an empty event type"));

        composio.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void composioRefusingTheKeyIsReportedWithoutIt() {
        composio.stubFor(get(urlPathEqualTo(SUBSCRIPTIONS)).willReturn(aResponse().withStatus(401)
                .withHeader("content-type", "application/json")
                .withBody("{\"error\":{\"message\":\"Invalid API key\",\"code\":401,\"status\":401}}")));

        invokeFailing("{}")
                .body("errorType", equalTo("io.ctf.composio.ComposioAuthenticationFailed"))
                .body("errorMessage", containsString("COMPOSIO_API_KEY"))
                .body(not(containsString("test-api-key-never-logged")));
    }

    private void noSubscription() {
        composio.stubFor(get(urlPathEqualTo(SUBSCRIPTIONS)).willReturn(okJson("{\"items\":[],\"next_cursor\":null}")));
    }

    private void existing(String subscription) {
        composio.stubFor(get(urlPathEqualTo(SUBSCRIPTIONS)).willReturn(okJson("{\"items\":[" + subscription + "],\"next_cursor\":null}")));
    }

    /** A subscription as the spec shapes it; list and update answers carry a masked secret. */
    public static String subscription(String id, String url, String eventsJson, String secret) {
        return """
                {"id":"%s","webhook_url":"%s","version":"V3","enabled_events":%s,"secret":"%s",
                 "created_at":"2026-11-20T10:00:00.000Z","updated_at":"2026-11-23T12:00:00.000Z"}""".formatted(id, url, eventsJson, secret);
    }

    static ValidatableResponse invoke(String input) {
        return MockLambda.invoke(input).statusCode(200);
    }

    static ValidatableResponse invokeFailing(String input) {
        return MockLambda.invoke(input).statusCode(500);
    }
}
