package io.ctf.composio;

import io.ctf.lambda.AwsCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Duration;
import java.util.Optional;

/**
 * Where the Composio API key comes from: {@code COMPOSIO_API_KEY} when set (local runs, simple
 * deploys; it wins), otherwise the Secrets Manager secret {@code COMPOSIO_API_KEY_SECRET_ARN}
 * (the deployed stack: no function's configuration holds the key). Nothing is read before the
 * first Composio call.
 */
@ApplicationScoped
public class ComposioApiKey {

    @Inject
    ComposioConfig config;

    private volatile SecretsManagerApiKey secret;
    private volatile String current;

    /** The key to send; reads the secret on first use. Throws {@link ComposioApiKeyNotConfigured} when none is configured. */
    public String get() {
        Optional<String> configured = config.apiKey().filter(key -> !key.isBlank());
        String key = configured.isPresent() ? configured.get() : secret().map(SecretsManagerApiKey::get)
                .orElseThrow(ComposioApiKeyNotConfigured::new);
        current = key;
        return key;
    }

    /** The key {@link #get()} last returned, for the request's header; null before the first call. */
    String current() {
        return current;
    }

    /** Composio refused {@code rejected} with 401: true when a re-read (rate-limited) gave another key to try. */
    boolean refreshAfterRejection(String rejected) {
        if (config.apiKey().filter(key -> !key.isBlank()).isPresent()) {
            return false; // a configured key does not change while the container lives
        }
        Optional<SecretsManagerApiKey> source = secret();
        if (source.isEmpty() || !source.get().refreshAfterRejection(rejected)) {
            return false;
        }
        current = source.get().get();
        return true;
    }

    private Optional<SecretsManagerApiKey> secret() {
        SecretsManagerApiKey s = secret;
        if (s == null) {
            Optional<String> id = config.apiKeySecretArn().filter(arn -> !arn.isBlank());
            if (id.isEmpty()) {
                return Optional.empty();
            }
            synchronized (this) {
                s = secret;
                if (s == null) {
                    s = secret = new SecretsManagerApiKey(id.get(), () -> client(id.get()),
                            config.apiKeyRefreshInterval(), System::nanoTime);
                }
            }
        }
        return Optional.of(s);
    }

    /**
     * Bounded like the other AWS clients (a stalled read fails the call, not the Lambda); the region is
     * the ARN's when an ARN is given, else Lambda's; everything given, nothing discovered.
     */
    private SecretsManagerClient client(String secretId) {
        Optional<java.net.URI> endpoint = config.secretsManagerEndpoint();
        var builder = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(3))
                        .build())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(5)))
                .credentialsProvider(AwsCredentials.forLocalEndpoint(endpoint.isPresent()));
        regionOf(secretId).or(() -> Optional.ofNullable(System.getenv("AWS_REGION")).filter(r -> !r.isBlank()).map(Region::of))
                .or(() -> endpoint.map(e -> Region.US_EAST_1))
                .ifPresent(builder::region);
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    static Optional<Region> regionOf(String secretId) {
        if (!secretId.startsWith("arn:")) {
            return Optional.empty();
        }
        // arn:partition:secretsmanager:region:account:secret:name
        String[] parts = secretId.split(":", 6);
        return parts.length == 6 && !parts[3].isBlank() ? Optional.of(Region.of(parts[3])) : Optional.empty();
    }

}
