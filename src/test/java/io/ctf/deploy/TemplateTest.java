package io.ctf.deploy;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * template.yaml, read as CloudFormation reads it (short-form tags included): every function of the
 * set from the one artifact, the webhook route, the runtimes, least-privilege policies, secrets
 * kept out, and the outputs a user needs.
 */
class TemplateTest {

    /** Every function of the set: the names are contracts. */
    static final Set<String> FUNCTIONS = Set.of(
            "receiveWebhook", "subscribeWebhooks", "publishEvents",
            "createTrigger", "listTriggers", "enableTrigger", "disableTrigger", "deleteTrigger",
            "getTriggerType", "listTriggerTypes",
            "provisionEndpoint", "getEndpoint", "listEndpoints", "rotateEndpointSecret");

    static final Map<String, Object> SECRETS_PARAMETER_ARN = sub(
            "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${AWS::StackName}/composio-webhook-secrets");

    /** Where the functions that call Composio may read the API key: the ARN given, or the name's ARN (any suffix). */
    static final Map<String, Object> API_KEY_SECRET_ARN = Map.of("Fn::If", List.of("ApiKeySecretIsArn",
            Map.of("Ref", "ComposioApiKeySecret"),
            sub("arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${ComposioApiKeySecret}-??????")));

    static Map<String, Object> template;
    static Map<String, Object> resources;
    /** QUARKUS_FUNQY_EXPORT → logical id. */
    static Map<String, String> functionsByExport;

    @BeforeAll
    static void read() throws IOException {
        template = CloudFormationYaml.read(Path.of("template.yaml"));
        resources = map(template, "Resources");
        functionsByExport = new TreeMap<>();
        resources.forEach((id, resource) -> {
            if ("AWS::Serverless::Function".equals(map(resource).get("Type"))) {
                String export = (String) env(id).get("QUARKUS_FUNQY_EXPORT");
                assertThat(functionsByExport.put(export, id)).as("export %s used twice", export).isNull();
            }
        });
    }

    @Test
    void isASamTemplate() {
        assertThat(template.get("Transform")).isEqualTo("AWS::Serverless-2016-10-31");
    }

    @Test
    void deploysEveryFunctionOfTheSetOnceFromTheOneArtifact() {
        assertThat(functionsByExport.keySet()).containsExactlyInAnyOrderElementsOf(FUNCTIONS);
        assertThat(map(template, "Globals", "Function").get("CodeUri")).isEqualTo("target/function.zip");
        functionsByExport.values().forEach(id -> assertThat(properties(id))
                .as(id).doesNotContainKeys("CodeUri", "Runtime", "Handler", "Architectures", "InlineCode", "ImageUri"));
    }

    @Test
    void everyFunctionInTheCodeIsInTheTemplate() throws IOException {
        assertThat(FUNCTIONS).containsAll(funqFunctionsInTheCode());
    }

    @Test
    void everyFunctionLogsItsNameAndWritesItsMetricsOnce() throws IOException {
        // FunctionInvocationInterceptor names the function after its method, and flushes metrics when it ends.
        for (AnnotationInstance funq : indexOfTheBuild().getAnnotations(DotName.createSimple("io.quarkus.funqy.Funq"))) {
            var method = funq.target().asMethod();
            assertThat(method.hasAnnotation(DotName.createSimple("io.ctf.metrics.FunctionInvocation"))).as(method.name()).isTrue();
            assertThat(funq.value() == null ? method.name() : funq.value().asString()).isEqualTo(method.name());
        }
    }

    @Test
    void receiveWebhookIsThePostWebhookRouteAndEveryOtherFunctionIsInvokeOnly() {
        Map<String, Object> events = map(properties(functionsByExport.get("receiveWebhook")), "Events");
        assertThat(events).hasSize(1);
        Map<String, Object> route = map(events.values().iterator().next());
        assertThat(route.get("Type")).isEqualTo("HttpApi");
        assertThat(map(route, "Properties"))
                .containsEntry("Method", "POST")
                .containsEntry("Path", "/webhook")
                .containsEntry("PayloadFormatVersion", "2.0")
                .containsEntry("ApiId", Map.of("Ref", "WebhookApi"));
        assertThat(map(resources, "WebhookApi").get("Type")).isEqualTo("AWS::Serverless::HttpApi");

        functionsByExport.forEach((export, id) -> {
            if (export.equals("publishEvents")) {
                assertThat(map(properties(id), "Events").values()).as("publishEvents only reads the inbox stream")
                        .allMatch(e -> "DynamoDB".equals(map(e).get("Type")));
                assertThat(properties(id)).doesNotContainKey("FunctionUrlConfig");
            } else if (!export.equals("receiveWebhook")) {
                assertThat(properties(id)).as(export + " has no public route").doesNotContainKeys("Events", "FunctionUrlConfig");
            }
        });
    }

    @Test
    void nativeByDefaultWithSelectableArchitectureAndAJvmAlternativeWithSnapStart() {
        Map<String, Object> parameters = map(template, "Parameters");
        assertThat(map(parameters, "FunctionRuntime")).containsEntry("Default", "native")
                .containsEntry("AllowedValues", List.of("native", "jvm"));
        assertThat(map(parameters, "Architecture").get("AllowedValues")).isEqualTo(List.of("x86_64", "arm64"));
        assertThat(map(template, "Conditions").get("UseJvm"))
                .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "FunctionRuntime"), "jvm")));

        Map<String, Object> globals = map(template, "Globals", "Function");
        assertThat(globals.get("Runtime")).isEqualTo(ifJvm("java21", "provided.al2023"));
        assertThat(globals.get("Handler")).isEqualTo(ifJvm("io.ctf.lambda.FunctionHandler::handleRequest",
                "not.used.in.provided.runtime"));
        assertThat(globals.get("Architectures")).isEqualTo(List.of(Map.of("Ref", "Architecture")));
        assertThat(map(globals, "SnapStart").get("ApplyOn")).isEqualTo(ifJvm("PublishedVersions", "None"));
        assertThat(globals.get("AutoPublishAlias")).as("SnapStart needs published versions").isNotNull();
    }

    @Test
    void theInboxTableHasAStreamAndATtl() {
        Map<String, Object> table = map(resources, "InboxTable");
        assertThat(table.get("Type")).isEqualTo("AWS::DynamoDB::Table");
        Map<String, Object> p = map(table, "Properties");
        assertThat(p.get("KeySchema")).isEqualTo(List.of(Map.of("AttributeName", "id", "KeyType", "HASH")));
        assertThat(p.get("AttributeDefinitions")).isEqualTo(List.of(Map.of("AttributeName", "id", "AttributeType", "S")));
        assertThat(map(p, "TimeToLiveSpecification")).containsEntry("AttributeName", "expires_at").containsEntry("Enabled", true);
        assertThat(map(p, "StreamSpecification")).containsEntry("StreamViewType", "NEW_IMAGE");
        assertThat(env(functionsByExport.get("receiveWebhook"))).containsEntry("INBOX_TABLE", Map.of("Ref", "InboxTable"));
    }

    /** Resources that hold data no one can rebuild: the events, and the descriptions of batches given up on. */
    static final Set<String> STATEFUL_TYPES = Set.of("AWS::DynamoDB::Table", "AWS::SQS::Queue");

    @Test
    void deletingOrReplacingTheStackKeepsTheInboxAndTheFailureQueue() {
        Set<String> retained = new TreeSet<>();
        resources.forEach((id, resource) -> {
            Map<String, Object> r = map(resource);
            if ("Retain".equals(r.get("DeletionPolicy")) && "Retain".equals(r.get("UpdateReplacePolicy"))) {
                retained.add(id);
            }
            if (STATEFUL_TYPES.contains(r.get("Type"))) {
                assertThat(r).as(id + " holds data").containsEntry("DeletionPolicy", "Retain").containsEntry("UpdateReplacePolicy", "Retain");
                // A fixed name would make a replacement collide with the retained original.
                assertThat(map(r, "Properties")).as(id).doesNotContainKeys("TableName", "QueueName");
            }
        });
        // The archive only replays onto its bus, which goes with the stack; the inbox is the record.
        assertThat(retained).containsExactly("InboxTable", "PublishEventsFailureQueue");
    }

    @Test
    void receiveWebhookMayOnlyPutEventsAndReadTheSigningSecrets() {
        assertThat(grants("receiveWebhook")).containsExactlyInAnyOrder(
                "dynamodb:PutItem on " + Map.of("Fn::GetAtt", List.of("InboxTable", "Arn")),
                "ssm:GetParameter on " + SECRETS_PARAMETER_ARN);
    }

    @Test
    void subscribeWebhooksMayOnlyReadTheApiKeyAndReadAndWriteTheSigningSecrets() {
        assertThat(grants("subscribeWebhooks")).containsExactlyInAnyOrder(
                "secretsmanager:GetSecretValue on " + API_KEY_SECRET_ARN,
                "ssm:GetParameter on " + SECRETS_PARAMETER_ARN,
                "ssm:PutParameter on " + SECRETS_PARAMETER_ARN);
    }

    @Test
    void functionsThatOnlyCallComposioMayOnlyReadTheApiKey() {
        functionsByExport.forEach((export, id) -> {
            if (!Set.of("receiveWebhook", "subscribeWebhooks", "publishEvents").contains(export)) {
                assertThat(grants(export)).as(export).containsExactly("secretsmanager:GetSecretValue on " + API_KEY_SECRET_ARN);
                assertThat(properties(id)).as(export).doesNotContainKey("Role");
            }
        });
        assertThat(map(template, "Globals", "Function")).doesNotContainKeys("Policies", "Role");
    }

    @Test
    void theSigningSecretsParameterIsTheOneTheFunctionsAreAllowedToUse() {
        Map<String, Object> name = sub("/${AWS::StackName}/composio-webhook-secrets");
        assertThat(env(functionsByExport.get("receiveWebhook"))).containsEntry("COMPOSIO_WEBHOOK_SECRET_PARAMETER", name);
        assertThat(env(functionsByExport.get("subscribeWebhooks"))).containsEntry("COMPOSIO_WEBHOOK_SECRET_PARAMETER", name)
                .containsEntry("COMPOSIO_WEBHOOK_URL", webhookUrl());
    }

    @Test
    void theApiKeyIsReadAtRunTimeFromTheSecretOnlyByFunctionsThatCallComposio() {
        functionsByExport.forEach((export, id) -> {
            if (Set.of("receiveWebhook", "publishEvents").contains(export)) {
                assertThat(env(id)).as(export + " never calls Composio").doesNotContainKey("COMPOSIO_API_KEY_SECRET_ARN");
                assertThat(grants(export).toString()).as(export).doesNotContain("secretsmanager");
            } else {
                assertThat(env(id)).as(export).containsEntry("COMPOSIO_API_KEY_SECRET_ARN", Map.of("Ref", "ComposioApiKeySecret"));
            }
            assertThat(env(id)).as(export).doesNotContainKeys("COMPOSIO_API_KEY", "COMPOSIO_WEBHOOK_SECRET", "COMPOSIO_WEBHOOK_PREVIOUS_SECRET");
        });
        assertThat(map(template, "Globals", "Function", "Environment", "Variables")).doesNotContainKey("COMPOSIO_API_KEY");
        assertThat(map(template, "Parameters", "ComposioApiKeySecret")).doesNotContainKey("NoEcho")
                .as("the parameter names a secret, it is not one");
    }

    @Test
    void noSecretIsResolvedIntoAnyEnvironment() {
        List<Object> environments = new ArrayList<>();
        environments.add(map(template, "Globals", "Function", "Environment"));
        resources.forEach((id, resource) -> {
            Object env = map(resource).get("Properties") instanceof Map<?, ?> p ? p.get("Environment") : null;
            if (env != null) {
                environments.add(env);
            }
        });
        assertThat(environments).hasSizeGreaterThan(FUNCTIONS.size());
        for (Object env : environments) {
            assertThat(env.toString()).doesNotContain("{{resolve:").doesNotContain("resolve:secretsmanager").doesNotContain("resolve:ssm-secure");
        }
        assertThat(template.toString()).as("anywhere in the template").doesNotContain("{{resolve:secretsmanager");
    }

    @Test
    void theSecretArnIsTheParameterOrBuiltFromItsName() {
        assertThat(map(template, "Conditions").get("ApiKeySecretIsArn")).isEqualTo(Map.of("Fn::Equals", List.of(
                Map.of("Fn::Select", List.of(0, Map.of("Fn::Split", List.of(":", Map.of("Ref", "ComposioApiKeySecret"))))), "arn")));
    }

    @Test
    void outputsTheWebhookUrlAndEveryFunctionsName() {
        Map<String, Object> outputs = map(template, "Outputs");
        assertThat(map(outputs, "WebhookUrl").get("Value")).isEqualTo(webhookUrl());
        functionsByExport.values().forEach(id ->
                assertThat(map(outputs, id + "Name").get("Value")).as(id).isEqualTo(Map.of("Ref", id)));
        assertThat(outputs.toString()).doesNotContain("resolve:secretsmanager");
    }

    @Test
    void everyComposioVariableTheTemplateSetsIsOneTheCodeReads() throws IOException {
        Set<String> read = environmentNamesOfConfigMappings();
        Set<String> set = new TreeSet<>(map(template, "Globals", "Function", "Environment", "Variables").keySet());
        functionsByExport.values().forEach(id -> set.addAll(env(id).keySet()));
        set.removeIf(name -> !name.startsWith("COMPOSIO_") && !name.startsWith("EVENT_") && !name.startsWith("METRICS_"));

        assertThat(set).contains("COMPOSIO_API_KEY_SECRET_ARN", "COMPOSIO_WEBHOOK_SECRET_PARAMETER", "COMPOSIO_WEBHOOK_URL",
                "EVENT_BUS_NAME", "EVENT_SOURCE", "METRICS_NAMESPACE");
        assertThat(read).containsAll(set);
    }

    // --- publishEvents: the inbox stream onto an EventBridge bus ------------------------------------

    /** The bus publishEvents writes to: the one created, or the existing one named by its ARN. */
    static final Map<String, Object> BUS_ARN = Map.of("Fn::If", List.of("CreateEventBus",
            Map.of("Fn::GetAtt", List.of("EventBus", "Arn")), Map.of("Ref", "ExistingEventBusArn")));

    @Test
    void aBusIsCreatedUnlessAnExistingOnesArnIsGiven() {
        Map<String, Object> bus = map(resources, "EventBus");
        assertThat(bus.get("Type")).isEqualTo("AWS::Events::EventBus");
        assertThat(bus.get("Condition")).isEqualTo("CreateEventBus");
        assertThat(map(bus, "Properties").get("Name")).isEqualTo(Map.of("Ref", "EventBusName"));
        assertThat(map(template, "Conditions").get("CreateEventBus"))
                .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "ExistingEventBusArn"), "")));
        assertThat(map(template, "Parameters", "ExistingEventBusArn")).containsEntry("Default", "");
        assertThat(env(functionsByExport.get("publishEvents")))
                .containsEntry("QUARKUS_FUNQY_EXPORT", "publishEvents")
                .containsEntry("EVENT_BUS_NAME", BUS_ARN)
                .containsEntry("EVENT_SOURCE", Map.of("Ref", "EventSource"));
        assertThat(map(template, "Parameters", "EventSource")).containsEntry("Default", "composio");
    }

    @Test
    void theBusHasAnArchiveOfTheEventsWithAConfigurableRetention() {
        Map<String, Object> archive = map(resources, "EventArchive");
        assertThat(archive.get("Type")).isEqualTo("AWS::Events::Archive");
        Map<String, Object> p = map(archive, "Properties");
        assertThat(p.get("SourceArn")).isEqualTo(BUS_ARN);
        assertThat(p.get("RetentionDays")).isEqualTo(Map.of("Ref", "EventArchiveRetentionDays"));
        assertThat(map(p, "EventPattern").get("source")).isEqualTo(List.of(Map.of("Ref", "EventSource")));
        assertThat(map(template, "Parameters", "EventArchiveRetentionDays")).containsEntry("Type", "Number");
    }

    @Test
    void publishEventsReadsTheInboxStreamWithPartialBatchResponsesBoundedRetriesAndAFailureQueue() {
        Map<String, Object> events = map(properties(functionsByExport.get("publishEvents")), "Events");
        assertThat(events).containsOnlyKeys("InboxStream");
        Map<String, Object> mapping = map(events, "InboxStream");
        assertThat(mapping.get("Type")).isEqualTo("DynamoDB");
        Map<String, Object> p = map(mapping, "Properties");
        assertThat(p.get("Stream")).isEqualTo(Map.of("Fn::GetAtt", List.of("InboxTable", "StreamArn")));
        assertThat(p.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
        assertThat(p.get("BisectBatchOnFunctionError")).isEqualTo(true);
        assertThat(p.get("StartingPosition")).isEqualTo("TRIM_HORIZON");
        assertThat((Integer) p.get("MaximumRetryAttempts")).as("bounded (-1 would retry until the record expires)").isBetween(1, 100);
        assertThat((Integer) p.get("MaximumRecordAgeInSeconds")).as("within the stream's 24 h").isBetween(60, 86_400);
        assertThat((Integer) p.get("MaximumBatchingWindowInSeconds")).isBetween(0, 5);
        assertThat((Integer) p.get("BatchSize")).isBetween(1, 1000);
        assertThat(map(p, "DestinationConfig", "OnFailure").get("Destination"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("PublishEventsFailureQueue", "Arn")));
        assertThat(map(resources, "PublishEventsFailureQueue").get("Type")).isEqualTo("AWS::SQS::Queue");
    }

    @Test
    void publishEventsMayOnlyPutEventsOnThatBusAndDescribeFailedBatchesToItsQueue() {
        assertThat(grants("publishEvents")).containsExactlyInAnyOrder(
                "events:PutEvents on " + BUS_ARN,
                "sqs:SendMessage on " + Map.of("Fn::GetAtt", List.of("PublishEventsFailureQueue", "Arn")));
    }

    @Test
    void outputsTheBusNameAndArnAndTheArchive() {
        Map<String, Object> outputs = map(template, "Outputs");
        assertThat(map(outputs, "EventBusArn").get("Value")).isEqualTo(BUS_ARN);
        assertThat(map(outputs, "EventBusName").get("Value")).isEqualTo(Map.of("Fn::If", List.of("CreateEventBus",
                Map.of("Ref", "EventBus"),
                Map.of("Fn::Select", List.of(1, Map.of("Fn::Split", List.of("event-bus/", Map.of("Ref", "ExistingEventBusArn"))))))));
        assertThat(map(outputs, "EventArchiveArn").get("Value")).isEqualTo(Map.of("Fn::GetAtt", List.of("EventArchive", "Arn")));
        assertThat(map(outputs, "PublishEventsFailureQueueUrl").get("Value")).isEqualTo(Map.of("Ref", "PublishEventsFailureQueue"));
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** COMPOSIO_WEBHOOK_SECRET_PARAMETER for composio.webhook.secret-parameter: every @ConfigMapping property, as env. */
    static Set<String> environmentNamesOfConfigMappings() throws IOException {
        Index index = indexOfTheBuild();
        Set<String> names = new TreeSet<>();
        for (AnnotationInstance mapping : index.getAnnotations(DotName.createSimple("io.smallrye.config.ConfigMapping"))) {
            String prefix = mapping.value("prefix").asString();
            for (var method : mapping.target().asClass().methods()) {
                if (java.lang.reflect.Modifier.isAbstract(method.flags()) && method.parametersCount() == 0) {
                    String property = prefix + "." + method.name().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
                    names.add(property.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
                }
            }
        }
        return names;
    }

    static Map<String, Object> webhookUrl() {
        return sub("https://${WebhookApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/webhook");
    }

    static Map<String, Object> sub(String s) {
        return Map.of("Fn::Sub", s);
    }

    static Map<String, Object> ifJvm(String jvm, String otherwise) {
        return Map.of("Fn::If", List.of("UseJvm", jvm, otherwise));
    }

    /** Each allowed action with its resource, from the function's inline policy statements; nothing else is allowed. */
    static List<String> grants(String export) {
        List<String> grants = new ArrayList<>();
        for (Object policy : list(properties(functionsByExport.get(export)).get("Policies"))) {
            assertThat(policy).as("%s: only inline statements, no managed policy", export).isInstanceOf(Map.class);
            for (Object statement : list(map(policy).get("Statement"))) {
                Map<String, Object> s = map(statement);
                assertThat(s.get("Effect")).isEqualTo("Allow");
                for (Object action : list(s.get("Action"))) {
                    for (Object resource : list(s.get("Resource"))) {
                        assertThat(action.toString()).doesNotContain("*");
                        assertThat(resource).isNotEqualTo("*");
                        grants.add(action + " on " + resource);
                    }
                }
            }
        }
        return grants;
    }

    static Index indexOfTheBuild() throws IOException {
        Indexer indexer = new Indexer();
        try (Stream<Path> classes = Files.walk(Path.of("target/classes"))) {
            for (Path c : (Iterable<Path>) classes.filter(p -> p.toString().endsWith(".class"))::iterator) {
                try (InputStream in = Files.newInputStream(c)) {
                    indexer.index(in);
                }
            }
        }
        return indexer.complete();
    }

    static Set<String> funqFunctionsInTheCode() throws IOException {
        Index index = indexOfTheBuild();
        Set<String> names = new TreeSet<>();
        for (AnnotationInstance funq : index.getAnnotations(DotName.createSimple("io.quarkus.funqy.Funq"))) {
            names.add(funq.value() != null ? funq.value().asString() : funq.target().asMethod().name());
        }
        assertThat(names).as("@Funq functions found in target/classes").contains("receiveWebhook", "subscribeWebhooks");
        return names;
    }

    static Map<String, Object> properties(String logicalId) {
        return map(resources, logicalId, "Properties");
    }

    static Map<String, Object> env(String logicalId) {
        return map(properties(logicalId), "Environment", "Variables");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            assertThat(current).as("parent of " + key).isInstanceOf(Map.class);
            current = ((Map<String, Object>) current).get(key);
            assertThat(current).as(key).isNotNull();
        }
        assertThat(current).isInstanceOf(Map.class);
        return (Map<String, Object>) current;
    }

    static List<?> list(Object node) {
        return node instanceof List<?> l ? l : List.of(node);
    }
}
