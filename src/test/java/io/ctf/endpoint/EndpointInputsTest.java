package io.ctf.endpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The input records print field names, never values: a stray log line cannot leak a secret. */
class EndpointInputsTest {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    final ObjectMapper json = new ObjectMapper();

    @Test
    void provisionRequestPrintsNoValue() throws Exception {
        ProvisionRequest input = json.readValue("""
                {"toolkit_slug":"Slack","client_id":"c1","data":{"webhook_signing_secret":"%s"},"replace":true}"""
                .formatted(SECRET), ProvisionRequest.class);
        ProvisionRequest.Valid valid = ProvisionRequest.validate(input);

        assertThat(input.toString()).contains("webhook_signing_secret").doesNotContain(SECRET);
        assertThat(valid.toString()).contains("webhook_signing_secret").doesNotContain(SECRET);
        assertThat(valid.toolkitSlug()).isEqualTo("slack");
        assertThat(valid.replace()).isTrue();
        assertThat(valid.data()).containsEntry("webhook_signing_secret", SECRET);
    }

    @Test
    void rotateSecretRequestPrintsNoValue() throws Exception {
        RotateSecretRequest input = json.readValue("""
                {"id":"we_1","field":"webhook_signing_secret","value":"%s"}""".formatted(SECRET), RotateSecretRequest.class);

        assertThat(input.toString()).contains("webhook_signing_secret").doesNotContain(SECRET);
        assertThat(RotateSecretRequest.validate(input).toString()).contains("webhook_signing_secret").doesNotContain(SECRET);
    }
}
