package io.ctf.trigger;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ctf.composio.ComposioAuthenticationFailed;
import io.ctf.composio.InjectSecretsManager;
import io.ctf.composio.InjectWireMock;
import io.ctf.composio.WireMockComposio;
import io.ctf.composio.WireMockSecretsManager;
import io.ctf.lambda.LogCapture;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.ctf.trigger.FunctionCalls.error;
import static io.ctf.trigger.FunctionCalls.invoke;
import static io.ctf.trigger.FunctionCalls.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployed configuration: no key in the environment, the key read from Secrets Manager on the
 * first call, cached, and read again when Composio rejects it (a rotated key). One container for
 * the class, so the order of the tests matters as it would in one Lambda container.
 */
@QuarkusTest
@TestProfile(ApiKeyFromSecretsManagerTest.ListTriggers.class)
@QuarkusTestResource(WireMockComposio.class)
@QuarkusTestResource(value = WireMockSecretsManager.class, restrictToAnnotatedClass = true)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ApiKeyFromSecretsManagerTest {

    public static class ListTriggers extends FunctionCalls.Export {
        public ListTriggers() {
            // Rate limiting of re-reads is SecretsManagerApiKeyTest's; here every 401 may re-read.
            super("listTriggers", "composio.api-key-refresh-interval", "0s");
        }
    }

    static final String ACTIVE = "/api/v3.1/trigger_instances/active";

    @InjectWireMock
    WireMockServer composio;

    @InjectSecretsManager
    WireMockServer secretsManager;

    LogCapture logs;

    @BeforeEach
    void fresh() {
        composio.resetAll();
        secretsManager.resetAll();
        logs = new LogCapture().install();
    }

    @AfterEach
    void uninstall() {
        logs.uninstall();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aFailedReadIsAnAuthenticationFailureWithoutTheKey() {
        secretsManager.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"AccessDeniedException\",\"Message\":\"not authorized\"}")));

        String message = FunctionCalls.failure(invoke("{\"user_id\":\"user-1\"}"), ComposioAuthenticationFailed.class);

        assertThat(message).contains(WireMockSecretsManager.ARN).contains("AccessDeniedException");
        composio.verify(0, getRequestedFor(urlPathEqualTo(ACTIVE)));
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void theKeyIsReadOnFirstUseAndCached() {
        WireMockSecretsManager.answer(secretsManager, "ak_from_secrets_manager");
        composio.stubFor(get(urlPathEqualTo(ACTIVE)).willReturn(okJson(resource("triggers/trigger-instances-page-2.json"))));

        invoke("{\"user_id\":\"user-1\"}").statusCode(200);
        invoke("{\"user_id\":\"user-1\"}").statusCode(200);

        secretsManager.verify(1, postRequestedFor(urlEqualTo("/")));
        composio.verify(2, getRequestedFor(urlPathEqualTo(ACTIVE)).withHeader("x-api-key", equalTo("ak_from_secrets_manager")));
        assertThat(logs.all()).doesNotContain("ak_from_secrets_manager");
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void aKeyComposioRejectsIsReadAgainAndTheCallRetriedWithTheNewOne() {
        // The cached key was rotated: Composio now refuses it, Secrets Manager holds the new one.
        WireMockSecretsManager.answer(secretsManager, "ak_rotated");
        composio.stubFor(get(urlPathEqualTo(ACTIVE)).withHeader("x-api-key", equalTo("ak_from_secrets_manager"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody(error(401, "Unauthorized", "Invalid API key", "req_401"))));
        composio.stubFor(get(urlPathEqualTo(ACTIVE)).withHeader("x-api-key", equalTo("ak_rotated"))
                .willReturn(okJson(resource("triggers/trigger-instances-page-2.json"))));

        invoke("{\"user_id\":\"user-1\"}").statusCode(200);

        secretsManager.verify(1, postRequestedFor(urlEqualTo("/")));
        composio.verify(1, getRequestedFor(urlPathEqualTo(ACTIVE)).withHeader("x-api-key", equalTo("ak_rotated")));
        assertThat(logs.all()).doesNotContain("ak_rotated").doesNotContain("ak_from_secrets_manager");
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void aKeyStillRefusedAfterReReadingFailsOnceWithoutTheKey() {
        WireMockSecretsManager.answer(secretsManager, "ak_rotated");
        composio.stubFor(get(urlPathEqualTo(ACTIVE)).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody(error(401, "Unauthorized", "Invalid API key", "req_401b"))));

        String message = FunctionCalls.failure(invoke("{\"user_id\":\"user-1\"}"), ComposioAuthenticationFailed.class);

        assertThat(message).contains("Composio rejected the API key").doesNotContain("ak_rotated");
        // Read again once, the same key came back: not sent again.
        secretsManager.verify(1, postRequestedFor(urlEqualTo("/")));
        composio.verify(1, getRequestedFor(urlPathEqualTo(ACTIVE)));
    }
}
