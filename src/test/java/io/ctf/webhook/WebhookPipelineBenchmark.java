package io.ctf.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctf.lambda.HttpApiEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * receiveWebhook's own work per delivery, without the runtime around it: a ~2 KB signed V3 delivery
 * (Composio-shaped GitHub push) through {@link SignedDelivery} → {@link SignatureVerifier} →
 * {@link EventNormaliser}, and each step alone. Target: under 20 µs median for the whole pipeline.
 * <p>
 * A JMH benchmark, not a test: run by {@code bench/jmh.sh} (never by {@code ./mvnw verify}). It sits
 * in the production package so it reaches the package-private steps without widening their API.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-XX:+UseSerialGC"})
public class WebhookPipelineBenchmark {

    private static final String SECRET = "bench-webhook-secret";
    private static final int MAX_BODY_BYTES = 262_144;

    private SignatureVerifier verifier;
    private EventNormaliser normaliser;
    private HttpApiEvent event;
    private SignedDelivery delivery;
    private Instant now;

    @Setup
    public void signADelivery() {
        String body = resource("/webhook-fixtures/v3-github-push-2kb.json").strip();
        long sentAt = 1_738_150_200L;
        String id = "msg_bench_0001";
        event = new HttpApiEvent("2.0", "POST /webhook", "/webhook",
                Map.of("content-type", "application/json",
                        "webhook-id", id,
                        "webhook-timestamp", Long.toString(sentAt),
                        "webhook-signature", Fixtures.sign(SECRET, id, sentAt, body),
                        "x-composio-webhook-version", "V3"),
                new HttpApiEvent.RequestContext("req-1", new HttpApiEvent.Http("POST", "/webhook", "3.238.0.124")),
                body, false);
        now = Instant.ofEpochSecond(sentAt + 1);
        verifier = new SignatureVerifier(List.of(SECRET), Duration.ofSeconds(300));
        normaliser = new EventNormaliser(new ObjectMapper());
        delivery = SignedDelivery.from(event, MAX_BODY_BYTES);
        // A benchmark of a path that fails would measure nothing useful.
        WebhookEvent parsed = verifyParseNormalise();
        if (!WebhookEvent.V3.equals(parsed.version()) || !"GITHUB_PUSH_EVENT".equals(parsed.triggerSlug())) {
            throw new IllegalStateException("the sample delivery did not normalise as V3: " + parsed.version());
        }
    }

    /** The whole of receiveWebhook's per-delivery work before the store. */
    @Benchmark
    public WebhookEvent verifyParseNormalise() {
        SignedDelivery d = SignedDelivery.from(event, MAX_BODY_BYTES);
        verifier.verify(d, now);
        return normaliser.normalise(d);
    }

    @Benchmark
    public SignedDelivery extractDelivery() {
        return SignedDelivery.from(event, MAX_BODY_BYTES);
    }

    @Benchmark
    public SignedDelivery verifySignature() {
        verifier.verify(delivery, now);
        return delivery;
    }

    @Benchmark
    public WebhookEvent parseAndNormalise() {
        return normaliser.normalise(delivery);
    }

    private static String resource(String name) {
        try (InputStream in = WebhookPipelineBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
