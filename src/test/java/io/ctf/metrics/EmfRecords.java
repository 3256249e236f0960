package io.ctf.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Embedded Metric Format records among captured stdout lines, read as CloudWatch reads them:
 * a record is a JSON object with {@code _aws.CloudWatchMetrics}; each directive names a namespace,
 * dimension sets and metrics whose values are the record's top-level members of the same name.
 */
public final class EmfRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> records = new ArrayList<>();

    private EmfRecords() {
    }

    /** The EMF records in {@code lines}; every line must be a JSON object when {@code allJson}. */
    public static EmfRecords in(List<String> lines, boolean allJson) {
        EmfRecords emf = new EmfRecords();
        for (String line : lines) {
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException notJson) {
                assertThat(allJson).as("not a JSON line: %s", line).isFalse();
                continue;
            }
            if (allJson) {
                assertThat(node.isObject()).as("not a JSON object: %s", line).isTrue();
            }
            if (node.isObject() && node.has("_aws")) {
                emf.records.add(node);
            }
        }
        return emf;
    }

    public List<JsonNode> records() {
        return List.copyOf(records);
    }

    /**
     * The sum of {@code metric}'s values per value of {@code dimension}, over the records in
     * {@code namespace} whose directive declares the metric with exactly that one dimension
     * ({@code dimension} null: declared with no dimension).
     */
    public Map<String, Double> sum(String namespace, String metric, String dimension) {
        Map<String, Double> sums = new TreeMap<>();
        for (JsonNode record : records) {
            for (JsonNode directive : record.path("_aws").path("CloudWatchMetrics")) {
                if (!namespace.equals(directive.path("Namespace").asText()) || !declares(directive, metric)) {
                    continue;
                }
                for (JsonNode set : directive.path("Dimensions")) {
                    boolean matches = dimension == null ? set.isEmpty()
                            : set.size() == 1 && dimension.equals(set.get(0).asText());
                    if (matches) {
                        String key = dimension == null ? "" : record.path(dimension).asText();
                        sums.merge(key, valueSum(record.path(metric)), Double::sum);
                    }
                }
            }
        }
        return sums;
    }

    /** Every metric name any record declares. */
    public List<String> metricNames() {
        List<String> names = new ArrayList<>();
        for (JsonNode record : records) {
            for (JsonNode directive : record.path("_aws").path("CloudWatchMetrics")) {
                directive.path("Metrics").forEach(m -> names.add(m.path("Name").asText()));
            }
        }
        return names;
    }

    private static boolean declares(JsonNode directive, String metric) {
        for (JsonNode m : directive.path("Metrics")) {
            if (metric.equals(m.path("Name").asText())) {
                return true;
            }
        }
        return false;
    }

    private static double valueSum(JsonNode value) {
        assertThat(value.isNumber() || value.isArray()).as("metric value %s", value).isTrue();
        if (value.isArray()) {
            double sum = 0;
            for (JsonNode v : value) {
                sum += v.asDouble();
            }
            return sum;
        }
        return value.asDouble();
    }
}
