package io.ctf.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.SsmException;

import java.net.URI;
import java.time.Instant;

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
 * The SSM store through the real AWS SDK client. No SSM runs locally, so WireMock answers in SSM's
 * documented JSON 1.1 protocol: the test pins the requests the SDK builds (operation, parameter
 * name, decryption, SecureString, overwrite, SigV4 signing) and how answers are read. It uses
 * Quarkus's ObjectMapper, the one the functions serialise the secrets with.
 */
@QuarkusTest
class SsmWebhookSecretStoreTest {

    static final String NAME = "/composio-trigger-functions/webhook-secrets";
    static final String JSON_11 = "application/x-amz-json-1.1";

    static WireMockServer ssm;

    @Inject
    ObjectMapper json;

    SsmWebhookSecretStore store;

    @BeforeAll
    static void startSsm() {
        ssm = new WireMockServer(options().dynamicPort());
        ssm.start();
    }

    @AfterAll
    static void stopSsm() {
        ssm.stop();
    }

    @BeforeEach
    void newStore() {
        ssm.resetAll();
        store = new SsmWebhookSecretStore(NAME, json, () -> SsmClient.builder()
                .endpointOverride(URI.create(ssm.baseUrl()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-aws-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build());
    }

    @Test
    void readsTheDecryptedParameter() {
        ssm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                .willReturn(ssmAnswer("""
                        {"Parameter":{"Name":"%s","Type":"SecureString","Version":3,"DataType":"text",
                          "ARN":"arn:aws:ssm:eu-west-1:123456789012:parameter%s","LastModifiedDate":1.7637E9,
                          "Value":"{\\"current\\":\\"whsec_new\\",\\"previous\\":\\"whsec_old\\",\\"rotated_at\\":\\"2026-11-23T12:00:00Z\\"}"}}
                        """.formatted(NAME, NAME))));

        assertThat(store.read()).isEqualTo(new WebhookSecrets("whsec_new", "whsec_old", Instant.parse("2026-11-23T12:00:00Z")));
        ssm.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDTEST/\\d{8}/eu-west-1/ssm/aws4_request.*"))
                .withRequestBody(equalToJson("{\"Name\":\"" + NAME + "\",\"WithDecryption\":true}")));
    }

    @Test
    void aParameterNotWrittenYetMeansNoSecrets() {
        ssm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON_11)
                .withBody("{\"__type\":\"ParameterNotFound\",\"message\":\"Parameter not found\"}")));

        assertThat(store.read()).isEqualTo(WebhookSecrets.NONE);
    }

    @Test
    void writesASecureStringOverwritingTheOldValue() throws Exception {
        ssm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.PutParameter"))
                .willReturn(ssmAnswer("{\"Version\":4,\"Tier\":\"Standard\"}")));

        store.write(new WebhookSecrets("whsec_new", "whsec_old", Instant.parse("2026-11-23T12:00:00Z")));

        var sent = json.readTree(ssm.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(sent.path("Name").asText()).isEqualTo(NAME);
        assertThat(sent.path("Type").asText()).isEqualTo("SecureString");
        assertThat(sent.path("Overwrite").asBoolean()).isTrue();
        assertThat(json.readTree(sent.path("Value").asText())).isEqualTo(json.readTree(
                "{\"current\":\"whsec_new\",\"previous\":\"whsec_old\",\"rotated_at\":\"2026-11-23T12:00:00Z\"}"));
    }

    @Test
    void aValueOfAnotherShapeFailsWithoutShowingIt() {
        ssm.stubFor(post(urlEqualTo("/")).willReturn(ssmAnswer(
                "{\"Parameter\":{\"Name\":\"" + NAME + "\",\"Type\":\"SecureString\",\"Value\":\"plain-secret-value\"}}")));

        assertThatThrownBy(store::read)
                .hasMessageContaining(NAME)
                .hasMessageNotContaining("plain-secret-value");
    }

    @Test
    void accessDeniedSurfacesAsTheSdksError() {
        ssm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON_11)
                .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized to perform: ssm:PutParameter\"}")));

        assertThatThrownBy(() -> store.write(new WebhookSecrets("x", null, null)))
                .isInstanceOf(SsmException.class)
                .hasMessageContaining("ssm:PutParameter");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ssmAnswer(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON_11).withBody(body);
    }
}
