package io.ctf.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.util.function.Supplier;

/**
 * The secrets as one SSM Parameter Store SecureString ({@code COMPOSIO_WEBHOOK_SECRET_PARAMETER})
 * holding {@link WebhookSecrets} as JSON, encrypted with the account's {@code aws/ssm} key. The
 * first write creates it (CloudFormation cannot create SecureStrings). The SDK client is created on
 * the first read or write, so only functions that touch the secret pay for it, once per instance.
 */
final class SsmWebhookSecretStore implements WebhookSecretStore {

    private final String parameterName;
    private final ObjectMapper json;
    private final Supplier<SsmClient> clientFactory;
    private volatile SsmClient client;

    SsmWebhookSecretStore(String parameterName, ObjectMapper json, Supplier<SsmClient> clientFactory) {
        this.parameterName = parameterName;
        this.json = json;
        this.clientFactory = clientFactory;
    }

    @Override
    public WebhookSecrets read() {
        String value;
        try {
            value = client().getParameter(r -> r.name(parameterName).withDecryption(true)).parameter().value();
        } catch (ParameterNotFoundException none) {
            // Not written yet: subscribeWebhooks has not run.
            return WebhookSecrets.NONE;
        }
        if (value == null || value.isBlank()) {
            return WebhookSecrets.NONE;
        }
        try {
            return json.readValue(value, WebhookSecrets.class);
        } catch (JsonProcessingException e) {
            // Never include the value: it is a secret, whatever its shape.
            throw new IllegalStateException("parameter " + parameterName + " does not hold {\"current\": ..., \"previous\": ...} JSON");
        }
    }

    @Override
    public void write(WebhookSecrets secrets) {
        String value;
        try {
            value = json.writeValueAsString(secrets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the webhook secrets as JSON");
        }
        client().putParameter(r -> r.name(parameterName)
                .type(ParameterType.SECURE_STRING)
                .overwrite(true)
                .description("Composio webhook signing secrets (written by subscribeWebhooks, read by receiveWebhook)")
                .value(value));
    }

    @Override
    public boolean writable() {
        return true;
    }

    @Override
    public String location() {
        return parameterName;
    }

    private SsmClient client() {
        SsmClient current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    current = client = clientFactory.get();
                }
            }
        }
        return current;
    }
}
