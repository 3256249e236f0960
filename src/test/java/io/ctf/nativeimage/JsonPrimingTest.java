package io.ctf.nativeimage;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import io.ctf.lambda.JsonInput;
import io.ctf.metrics.MetricNames;
import io.ctf.metrics.Metrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the native build primes (JsonPriming runs only there; here it is called directly): once it
 * has run, no first read or write of a primed type builds a (de)serializer, which is what a native
 * cold start would otherwise spend its time on; and no function reads an input type it leaves out.
 */
class JsonPrimingTest {

    /** Types Jackson built a bean (de)serializer for on the application's mapper and its strict copy. */
    final List<String> built = new ArrayList<>();
    final ObjectMapper application = new ObjectMapper().registerModule(new SimpleModule("counting")
            .setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean, JsonDeserializer<?> deserializer) {
                    built.add("read " + bean.getType());
                    return deserializer;
                }
            })
            .setSerializerModifier(new BeanSerializerModifier() {
                @Override
                public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription bean, JsonSerializer<?> serializer) {
                    built.add("write " + bean.getType());
                    return serializer;
                }
            }));
    final JsonInput inputs = new JsonInput();
    /** Makes instances to write without touching the counted mapper. */
    final ObjectMapper plain = new ObjectMapper();

    @BeforeEach
    void prime() throws Exception {
        inputs.customize(application);
        JsonPriming.prime(application, inputs);
        assertThat(built).as("priming built the (de)serializers").isNotEmpty();
        built.clear();
    }

    @Test
    void noFunctionInputBuildsADeserializerOnItsFirstRead() {
        for (Class<?> input : JsonPriming.FUNCTION_INPUTS) {
            try {
                inputs.read(application.createObjectNode(), input);
            } catch (RuntimeException invalid) {
                // An input with a required field: the deserializer has been looked up by then.
            }
        }
        assertThat(built).as("deserializers built on a first read after priming").isEmpty();
    }

    @Test
    void noComposioAnswerBuildsADeserializerOnItsFirstRead() throws IOException {
        List<JavaType> answers = JsonPriming.composioReads(application);
        assertThat(answers).extracting(JavaType::toString).contains(
                "[simple type, class io.ctf.composio.TriggerType]", "[simple type, class io.ctf.composio.WebhookEndpoint]");
        for (JavaType answer : answers) {
            application.readValue("{}", answer);
        }
        for (Class<?> read : JsonPriming.READ) {
            application.readValue("{}", read);
        }
        assertThat(built).as("deserializers built on a first read after priming").isEmpty();
    }

    @Test
    void nothingWrittenBuildsASerializerOnItsFirstWrite() throws IOException {
        List<Class<?>> written = new ArrayList<>(JsonPriming.composioWrites());
        assertThat(written).extracting(Class::getName).contains("io.ctf.composio.UpsertTrigger$Request")
                .noneMatch(name -> name.equals("java.lang.String") || name.equals("java.lang.Integer"));
        written.addAll(JsonPriming.WRITTEN);
        for (Class<?> type : written) {
            application.writeValueAsString(plain.readValue("{}", type));
        }
        assertThat(built).as("serializers built on a first write after priming").isEmpty();
    }

    /** The EMF library serialises with a static mapper of its own: a copy of it stands in for it here. */
    @Test
    void noMetricsRecordBuildsASerializerOnItsFirstWrite() throws Exception {
        var field = Class.forName("software.amazon.cloudwatchlogs.emf.model.RootNode").getDeclaredField("objectMapper");
        field.setAccessible(true);
        ObjectMapper emf = ((ObjectMapper) field.get(null)).copy();
        for (MetricsContext sample : Metrics.sampleRecords()) {
            emf.writeValueAsString((Object) sample.getRootNode());
        }
        int primed = ((DefaultSerializerProvider) emf.getSerializerProvider()).cachedSerializersCount();

        // Other shapes Metrics writes: another dimension and value, a Composio call count, the retries.
        MetricsContext calls = new MetricsContext();
        calls.setNamespace("ComposioTriggers");
        calls.setDimensions(DimensionSet.of(MetricNames.STATUS, "5xx"));
        calls.putProperty("requestId", "8f2c");
        calls.putMetric(MetricNames.COMPOSIO_CALLS, 3, Unit.COUNT);
        MetricsContext retries = new MetricsContext();
        retries.setNamespace("ComposioTriggers");
        retries.setDimensions(new DimensionSet());
        retries.putMetric(MetricNames.COMPOSIO_RETRIES, 0, Unit.COUNT);
        retries.putMetric(MetricNames.STORE_LATENCY, 12.25, Unit.MILLISECONDS);
        for (MetricsContext record : List.of(calls, retries)) {
            emf.writeValueAsString((Object) record.getRootNode());
        }
        assertThat(primed).as("the samples built the EMF serializers").isPositive();
        assertThat(((DefaultSerializerProvider) emf.getSerializerProvider()).cachedSerializersCount())
                .as("serializers built after the samples").isEqualTo(primed);
    }

    @Test
    void everyTypeAFunctionReadsItsInputAsIsPrimed() throws IOException {
        Pattern read = Pattern.compile("inputs\\.read\\(\\w+, ([\\w.]+)\\.class\\)");
        Set<String> readAs = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : (Iterable<Path>) sources.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = read.matcher(Files.readString(source));
                while (m.find()) {
                    readAs.add(m.group(1));
                }
            }
        }
        Set<String> primed = new TreeSet<>();
        for (Class<?> input : JsonPriming.FUNCTION_INPUTS) {
            primed.add(input.getEnclosingClass() == null ? input.getSimpleName()
                    : input.getEnclosingClass().getSimpleName() + "." + input.getSimpleName());
        }
        assertThat(readAs).as("found the functions' reads").contains("HttpApiEvent", "SubscribeWebhooks.Request");
        assertThat(primed).as("JsonPriming.FUNCTION_INPUTS").isEqualTo(readAs);
    }
}
