package io.ctf.composio;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The run-time API key through the real AWS SDK client. No Secrets Manager runs locally, so WireMock
 * answers in its JSON 1.1 protocol ({@code X-Amz-Target: secretsmanager.GetSecretValue}): the test
 * pins the request the SDK builds and how often the secret is read.
 */
class SecretsManagerApiKeyTest {

    static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:composio-trigger-functions/composio-api-key-AbCdEf";
    static final String JSON_11 = "application/x-amz-json-1.1";
    static final String TARGET = "secretsmanager.GetSecretValue";

    static WireMockServer secretsManager;

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    SecretsManagerApiKey key;

    @BeforeAll
    static void start() {
        secretsManager = new WireMockServer(options().dynamicPort());
        secretsManager.start();
    }

    @AfterAll
    static void stop() {
        secretsManager.stop();
    }

    @BeforeEach
    void newKey() {
        secretsManager.resetAll();
        key = new SecretsManagerApiKey(ARN, SecretsManagerApiKeyTest::client, Duration.ofSeconds(60), now::get);
    }

    static SecretsManagerClient client() {
        return SecretsManagerClient.builder()
                .endpointOverride(URI.create(secretsManager.baseUrl()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-aws-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Test
    void theSecretIsReadOnceAndCached() {
        answer("ak_first_key");

        assertThat(key.get()).isEqualTo("ak_first_key");
        assertThat(key.get()).isEqualTo("ak_first_key");

        secretsManager.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET))
                .withHeader("Content-Type", equalTo(JSON_11))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDTEST/\\d{8}/eu-west-1/secretsmanager/aws4_request.*"))
                .withRequestBody(equalToJson("{\"SecretId\":\"" + ARN + "\"}")));
    }

    @Test
    void aRejectedKeyIsReadAgainOnceAndTheNewOneIsUsed() {
        answer("ak_old_key");
        assertThat(key.get()).isEqualTo("ak_old_key");
        answer("ak_rotated_key");
        now.addAndGet(Duration.ofSeconds(61).toNanos());

        assertThat(key.refreshAfterRejection("ak_old_key")).isTrue();
        assertThat(key.get()).isEqualTo("ak_rotated_key");
        secretsManager.verify(2, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void refreshesAreRateLimited() {
        answer("ak_old_key");
        key.get();
        now.addAndGet(Duration.ofSeconds(59).toNanos());

        assertThat(key.refreshAfterRejection("ak_old_key")).as("read less than 60 s ago").isFalse();
        secretsManager.verify(1, postRequestedFor(urlEqualTo("/")));

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(key.refreshAfterRejection("ak_old_key")).as("the same key: nothing new to try").isFalse();
        secretsManager.verify(2, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void aKeyAnotherCallAlreadyRefreshedIsTriedWithoutReading() {
        answer("ak_new_key");
        key.get();

        assertThat(key.refreshAfterRejection("ak_older_key")).isTrue();
        secretsManager.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void aSecretThatCannotBeReadIsAnAuthenticationFailureNamingTheSecretNotItsValue() {
        secretsManager.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON_11)
                .withBody("{\"__type\":\"AccessDeniedException\",\"Message\":\"not authorized to perform: secretsmanager:GetSecretValue\"}")));

        assertThatThrownBy(key::get)
                .isInstanceOf(ComposioAuthenticationFailed.class)
                .hasMessageContaining(ARN)
                .hasMessageContaining("AccessDeniedException")
                .hasMessageContaining("secretsmanager:GetSecretValue");
    }

    @Test
    void aFailedRefreshNeverShowsTheKeyAlreadyHeld() {
        answer("ak_held_key_never_shown");
        key.get();
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        secretsManager.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON_11)
                .withBody("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}")));

        assertThatThrownBy(() -> key.refreshAfterRejection("ak_held_key_never_shown"))
                .isInstanceOf(ComposioAuthenticationFailed.class)
                .hasMessageContaining("ResourceNotFoundException")
                .hasMessageNotContaining("ak_held_key_never_shown");
    }

    @Test
    void aSecretWithoutAStringIsAnAuthenticationFailure() {
        secretsManager.stubFor(post(urlEqualTo("/")).willReturn(smAnswer(
                "{\"ARN\":\"" + ARN + "\",\"Name\":\"composio-api-key\",\"SecretBinary\":\"AAEC\",\"VersionId\":\"v1\"}")));

        assertThatThrownBy(key::get).isInstanceOf(ComposioAuthenticationFailed.class).hasMessageContaining("no SecretString");
    }

    @Test
    void anUnreachableSecretsManagerIsAnAuthenticationFailureToo() {
        secretsManager.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(key::get).isInstanceOf(ComposioAuthenticationFailed.class).hasMessageContaining(ARN);
    }

    @Test
    void theRegionIsTheArnsOwn() {
        assertThat(ComposioApiKey.regionOf(ARN)).contains(Region.EU_WEST_1);
        assertThat(ComposioApiKey.regionOf("composio-trigger-functions/composio-api-key")).isEmpty();
    }

    private void answer(String apiKey) {
        secretsManager.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET)).willReturn(smAnswer("""
                {"ARN":"%s","Name":"composio-trigger-functions/composio-api-key","SecretString":"%s",
                 "VersionId":"4b5c1d2e-0000-4000-8000-000000000001","VersionStages":["AWSCURRENT"],"CreatedDate":1.7637E9}
                """.formatted(ARN, apiKey))));
    }

    private static ResponseDefinitionBuilder smAnswer(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON_11).withBody(body);
    }
}
