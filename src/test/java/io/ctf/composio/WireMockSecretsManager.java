package io.ctf.composio;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server speaking Secrets Manager's JSON 1.1 protocol, and the functions configured as
 * template.yaml configures them: no {@code COMPOSIO_API_KEY}, the secret's ARN instead. Use with
 * {@code @QuarkusTestResource(value = WireMockSecretsManager.class, restrictToAnnotatedClass = true)} and {@code @InjectSecretsManager WireMockServer}.
 */
public class WireMockSecretsManager implements QuarkusTestResourceLifecycleManager {

    public static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:composio-api-key-AbCdEf";
    public static final String TARGET = "secretsmanager.GetSecretValue";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of(
                "composio.api-key", "",
                "composio.api-key-secret-arn", ARN,
                "composio.secrets-manager-endpoint", server.baseUrl());
    }

    /** Stubs the secret's current value. */
    public static void answer(WireMockServer server, String apiKey) {
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"ARN\":\"" + ARN + "\",\"Name\":\"composio-api-key\",\"SecretString\":\"" + apiKey
                                + "\",\"VersionId\":\"v-" + apiKey + "\",\"VersionStages\":[\"AWSCURRENT\"]}")));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectSecretsManager.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
