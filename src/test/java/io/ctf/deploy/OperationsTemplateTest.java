package io.ctf.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctf.metrics.ComposioStatus;
import io.ctf.metrics.DeliveryOutcome;
import io.ctf.metrics.MetricNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.ctf.deploy.TemplateTest.functionsByExport;
import static io.ctf.deploy.TemplateTest.map;
import static io.ctf.deploy.TemplateTest.resources;
import static io.ctf.deploy.TemplateTest.template;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * template.yaml's alarms and dashboard against what the code emits: every metric, dimension and
 * value they name is one of io.ctf.metrics' constants, in the namespace the functions are given.
 */
class OperationsTemplateTest {

    static final Map<String, Object> NAMESPACE = Map.of("Ref", "MetricsNamespace");
    static final Map<String, Object> NOTIFY = Map.of("Fn::If", List.of("HasAlarmTopic",
            List.of(Map.of("Ref", "AlarmTopicArn")), Map.of("Ref", "AWS::NoValue")));

    /** The metric names the code emits, read from its constants (not a copy of them). */
    static Set<String> emittedMetrics;
    /** Dimension name → the values the code emits for it. */
    static Map<String, Set<String>> emittedDimensions;

    @BeforeAll
    static void read() throws Exception {
        TemplateTest.read();
        emittedMetrics = new TreeSet<>();
        for (Field f : MetricNames.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class
                    && !Set.of("OUTCOME", "STATUS", "DEFAULT_NAMESPACE").contains(f.getName())) {
                emittedMetrics.add((String) f.get(null));
            }
        }
        emittedDimensions = Map.of(
                MetricNames.OUTCOME, Arrays.stream(DeliveryOutcome.values()).map(DeliveryOutcome::value).collect(Collectors.toSet()),
                MetricNames.STATUS, Arrays.stream(ComposioStatus.values()).map(ComposioStatus::value).collect(Collectors.toSet()));
    }

    @Test
    void theFunctionsAreGivenTheNamespaceTheAlarmsRead() {
        assertThat(map(template, "Parameters", "MetricsNamespace")).containsEntry("Default", MetricNames.DEFAULT_NAMESPACE);
        assertThat(map(template, "Globals", "Function", "Environment", "Variables")).containsEntry("METRICS_NAMESPACE", NAMESPACE);
    }

    @Test
    void anyStoreFailureInFiveMinutesAlarms() {
        assertThat(ownMetricAlarm("StoreFailedAlarm", "store_failed")).containsEntry("Threshold", 0);
    }

    @Test
    void aMissingSecretOrTableAlarms() {
        assertThat(ownMetricAlarm("NotConfiguredAlarm", "not_configured")).containsEntry("Threshold", 0);
    }

    @Test
    void refusedSignaturesAboveTheThresholdParameterAlarm() {
        assertThat(ownMetricAlarm("UnauthenticatedDeliveriesAlarm", "unauthenticated"))
                .containsEntry("Threshold", Map.of("Ref", "UnauthenticatedDeliveriesThreshold"));
        assertThat(map(template, "Parameters", "UnauthenticatedDeliveriesThreshold")).containsEntry("Type", "Number");
    }

    @Test
    void errorsAndThrottlesOfEveryDirectlyInvokedFunctionAlarm() {
        Set<String> direct = new TreeSet<>(functionsByExport.values());
        direct.remove(functionsByExport.get("receiveWebhook"));
        direct.remove(functionsByExport.get("publishEvents")); // fed by its stream: watched by iterator age and its queue

        // A metric math alarm holds at most 10 metrics: the functions are split over two alarms of each kind.
        Set<String> errors = new TreeSet<>(lambdaMetricsOf("DirectFunctionErrorsAlarm", "Errors"));
        errors.addAll(lambdaMetricsOf("EndpointFunctionErrorsAlarm", "Errors"));
        Set<String> throttles = new TreeSet<>(lambdaMetricsOf("DirectFunctionThrottlesAlarm", "Throttles"));
        throttles.addAll(lambdaMetricsOf("EndpointFunctionThrottlesAlarm", "Throttles"));
        assertThat(errors).containsExactlyInAnyOrderElementsOf(direct);
        assertThat(throttles).containsExactlyInAnyOrderElementsOf(direct);
        for (String id : List.of("DirectFunctionErrorsAlarm", "EndpointFunctionErrorsAlarm")) {
            assertThat(alarm(id)).containsEntry("Threshold", Map.of("Ref", "FunctionErrorsThreshold"));
        }
        for (String id : List.of("DirectFunctionThrottlesAlarm", "EndpointFunctionThrottlesAlarm")) {
            assertThat(alarm(id)).containsEntry("Threshold", 0);
        }
        for (String id : List.of("DirectFunctionErrorsAlarm", "EndpointFunctionErrorsAlarm", "DirectFunctionThrottlesAlarm",
                "EndpointFunctionThrottlesAlarm")) {
            assertThat(returned(id)).containsEntry("Expression", "SUM(METRICS())");
            assertThat(TemplateTest.list(alarm(id).get("Metrics"))).as("a metric math alarm holds at most 10 metrics").hasSizeLessThanOrEqualTo(11);
        }
        assertThat(lambdaMetricsOf("ReceiveWebhookErrorsAlarm", "Errors")).containsExactly(functionsByExport.get("receiveWebhook"));
        assertThat(lambdaMetricsOf("ReceiveWebhookErrorsAlarm", "Throttles")).containsExactly(functionsByExport.get("receiveWebhook"));
    }

    @Test
    void anyBatchInPublishEventsFailureQueueAlarms() {
        assertThat(alarm("PublishEventsFailureQueueAlarm"))
                .containsEntry("Namespace", "AWS/SQS")
                .containsEntry("MetricName", "ApproximateNumberOfMessagesVisible")
                .containsEntry("Threshold", 0)
                .containsEntry("ComparisonOperator", "GreaterThanThreshold");
        assertThat(TemplateTest.list(alarm("PublishEventsFailureQueueAlarm").get("Dimensions")).toString())
                .contains("PublishEventsFailureQueue");
    }

    @Test
    void publishEventsFallingBehindTheStreamAlarms() {
        assertThat(alarm("PublishEventsIteratorAgeAlarm"))
                .containsEntry("Namespace", "AWS/Lambda")
                .containsEntry("MetricName", "IteratorAge")
                .containsEntry("Statistic", "Maximum")
                .containsEntry("Threshold", 300000);
        assertThat(TemplateTest.list(alarm("PublishEventsIteratorAgeAlarm").get("Dimensions")).toString())
                .contains("Ref=PublishEventsFunction");
    }

    @Test
    void everyAlarmNotifiesTheTopicOnlyWhenOneIsGiven() {
        assertThat(map(template, "Conditions").get("HasAlarmTopic"))
                .isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "AlarmTopicArn"), "")))));
        assertThat(map(template, "Parameters", "AlarmTopicArn")).containsEntry("Default", "");
        List<String> alarms = alarmIds();
        assertThat(alarms).hasSizeGreaterThanOrEqualTo(6);
        for (String id : alarms) {
            assertThat(alarm(id)).as(id).containsEntry("AlarmActions", NOTIFY).containsEntry("OKActions", NOTIFY)
                    .containsEntry("TreatMissingData", "notBreaching").containsKey("AlarmDescription");
        }
    }

    @Test
    void alarmsOnOurNamespaceNameOnlyMetricsAndDimensionsTheCodeEmits() {
        for (String id : alarmIds()) {
            Map<String, Object> a = alarm(id);
            if (NAMESPACE.equals(a.get("Namespace"))) {
                assertThat(emittedMetrics).as(id).contains((String) a.get("MetricName"));
                for (Object d : TemplateTest.list(a.get("Dimensions"))) {
                    Map<String, Object> dim = map(d);
                    assertThat(emittedDimensions).as(id).containsKey((String) dim.get("Name"));
                    assertThat(emittedDimensions.get(dim.get("Name"))).as(id).contains((String) dim.get("Value"));
                }
            }
        }
    }

    @Test
    void theDashboardIsValidJsonNamingOnlyEmittedMetrics() throws IOException {
        JsonNode body = dashboardBody();
        JsonNode widgets = body.path("widgets");
        assertThat(widgets.size()).isGreaterThanOrEqualTo(6);

        Map<String, Set<String>> shown = new TreeMap<>();
        for (JsonNode widget : widgets) {
            assertThat(widget.path("properties").path("region").asText()).isEqualTo("eu-west-1");
            for (JsonNode metric : widget.path("properties").path("metrics")) {
                String namespace = metric.get(0).asText();
                String name = metric.get(1).asText();
                if (namespace.equals("AWS/Lambda")) {
                    assertThat(name).isIn("Errors", "Throttles", "Duration", "Invocations", "IteratorAge", "ConcurrentExecutions");
                    continue;
                }
                if (namespace.equals("AWS/SQS")) {
                    assertThat(name).isEqualTo("ApproximateNumberOfMessagesVisible");
                    continue;
                }
                assertThat(namespace).as("our metrics in the functions' namespace").isEqualTo("TestNamespace");
                assertThat(emittedMetrics).contains(name);
                for (int i = 2; i + 1 < metric.size() && metric.get(i).isTextual(); i += 2) {
                    String dimension = metric.get(i).asText();
                    assertThat(emittedDimensions).containsKey(dimension);
                    assertThat(emittedDimensions.get(dimension)).contains(metric.get(i + 1).asText());
                    shown.computeIfAbsent(name + "/" + dimension, k -> new TreeSet<>()).add(metric.get(i + 1).asText());
                }
                shown.computeIfAbsent(name, k -> new TreeSet<>());
            }
        }
        // Every outcome and every status class is on it, and every metric the code emits.
        assertThat(shown.get(MetricNames.DELIVERIES + "/" + MetricNames.OUTCOME)).isEqualTo(emittedDimensions.get(MetricNames.OUTCOME));
        assertThat(shown.get(MetricNames.COMPOSIO_CALLS + "/" + MetricNames.STATUS)).isEqualTo(emittedDimensions.get(MetricNames.STATUS));
        assertThat(shown.keySet()).containsAll(emittedMetrics);
    }

    @Test
    void theDashboardShowsColdStartsOfEveryFunctionFromTheirReportLines() throws IOException {
        JsonNode logs = null;
        for (JsonNode widget : dashboardBody().path("widgets")) {
            if (widget.path("type").asText().equals("log")) {
                logs = widget;
            }
        }
        assertThat(logs).as("a Logs Insights widget").isNotNull();
        String query = logs.path("properties").path("query").asText();
        assertThat(query).contains("@initDuration", "@type = \"REPORT\"", "by @log");
        for (String id : functionsByExport.values()) {
            assertThat(query).as(id).contains("SOURCE '/aws/lambda/fn-" + id + "'");
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** The body as CloudWatch receives it: !Sub's variables replaced (functions' names by fn-<logical id>). */
    static JsonNode dashboardBody() throws IOException {
        Map<String, Object> p = map(resources, "OperationsDashboard", "Properties");
        assertThat(map(resources, "OperationsDashboard").get("Type")).isEqualTo("AWS::CloudWatch::Dashboard");
        Object sub = map(p.get("DashboardBody")).get("Fn::Sub");
        assertThat(sub).as("DashboardBody is a !Sub of one JSON string").isInstanceOf(String.class);
        Matcher variable = Pattern.compile("\\$\\{([^}]+)}").matcher((String) sub);
        StringBuilder substituted = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            String value = switch (name) {
                case "AWS::Region" -> "eu-west-1";
                case "MetricsNamespace" -> "TestNamespace";
                default -> {
                    // ${Resource} or ${Resource.Attribute}
                    assertThat(resources).as("${%s} names a resource", name).containsKey(name.split("\\.")[0]);
                    yield "fn-" + name;
                }
            };
            variable.appendReplacement(substituted, Matcher.quoteReplacement(value));
        }
        variable.appendTail(substituted);
        return new ObjectMapper().readTree(substituted.toString());
    }

    static List<String> alarmIds() {
        List<String> ids = new ArrayList<>();
        resources.forEach((id, r) -> {
            if ("AWS::CloudWatch::Alarm".equals(map(r).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    static Map<String, Object> alarm(String id) {
        assertThat(map(resources, id).get("Type")).isEqualTo("AWS::CloudWatch::Alarm");
        return map(resources, id, "Properties");
    }

    /** A 5-minute Sum of Deliveries with exactly Outcome={@code outcome}, in the functions' namespace. */
    static Map<String, Object> ownMetricAlarm(String id, String outcome) {
        Map<String, Object> a = alarm(id);
        assertThat(a).containsEntry("Namespace", NAMESPACE)
                .containsEntry("MetricName", MetricNames.DELIVERIES)
                .containsEntry("Dimensions", List.of(Map.of("Name", MetricNames.OUTCOME, "Value", outcome)))
                .containsEntry("Statistic", "Sum")
                .containsEntry("Period", 300)
                .containsEntry("EvaluationPeriods", 1)
                .containsEntry("ComparisonOperator", "GreaterThanThreshold");
        return a;
    }

    static Map<String, Object> returned(String id) {
        for (Object q : TemplateTest.list(alarm(id).get("Metrics"))) {
            if (Boolean.TRUE.equals(map(q).get("ReturnData"))) {
                return map(q);
            }
        }
        throw new AssertionError(id + " returns nothing");
    }

    /** Logical ids of the functions whose AWS/Lambda {@code metric} (5-minute Sum) the alarm's math reads. */
    static List<String> lambdaMetricsOf(String id, String metric) {
        List<String> functions = new ArrayList<>();
        for (Object q : TemplateTest.list(alarm(id).get("Metrics"))) {
            Map<String, Object> query = map(q);
            if (query.containsKey("MetricStat")) {
                Map<String, Object> stat = map(query, "MetricStat");
                Map<String, Object> m = map(stat, "Metric");
                assertThat(m.get("Namespace")).isEqualTo("AWS/Lambda");
                assertThat(stat).containsEntry("Period", 300).containsEntry("Stat", "Sum");
                if (metric.equals(m.get("MetricName"))) {
                    Map<String, Object> dim = map(TemplateTest.list(m.get("Dimensions")).get(0));
                    assertThat(dim.get("Name")).isEqualTo("FunctionName");
                    functions.add((String) map(dim.get("Value")).get("Ref"));
                }
            }
        }
        return functions;
    }
}
