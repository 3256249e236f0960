package io.ctf.trigger;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ctf.composio.InjectWireMock;
import io.ctf.composio.WireMockComposio;
import io.ctf.metrics.EmfRecords;
import io.ctf.metrics.MetricNames;
import io.ctf.metrics.Stdout;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.ctf.trigger.FunctionCalls.error;
import static io.ctf.trigger.FunctionCalls.invoke;
import static io.ctf.trigger.FunctionCalls.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** The Composio-calling functions' metrics, from listTriggers' stdout: every attempt by status class, and the retries. */
@QuarkusTest
@TestProfile(ComposioCallMetricsTest.ListTriggers.class)
@QuarkusTestResource(WireMockComposio.class)
class ComposioCallMetricsTest {

    public static class ListTriggers extends FunctionCalls.Export {
        public ListTriggers() {
            super("listTriggers", "metrics.enabled", "true"); // the test profile turns the EMF lines off
        }
    }

    static final String ACTIVE = "/api/v3.1/trigger_instances/active";
    static final String NS = MetricNames.DEFAULT_NAMESPACE;

    @InjectWireMock
    WireMockServer composio;

    @BeforeEach
    void freshComposio() {
        composio.resetAll();
    }

    @Test
    void aRetried503IsOne5xxOne2xxAndOneRetry() throws Throwable {
        composio.stubFor(get(urlPathEqualTo(ACTIVE)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody(error(503, "ServiceUnavailable", "try again", "req_1")))
                .willSetStateTo("up"));
        composio.stubFor(get(urlPathEqualTo(ACTIVE)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson(resource("triggers/trigger-instances-page-2.json"))));

        List<String> stdout = Stdout.capture(() -> invoke("{\"user_id\":\"user-1\"}").statusCode(200));
        EmfRecords emf = EmfRecords.in(stdout, false);

        assertThat(emf.sum(NS, MetricNames.COMPOSIO_CALLS, MetricNames.STATUS)).isEqualTo(Map.of("5xx", 1.0, "2xx", 1.0));
        assertThat(emf.sum(NS, MetricNames.COMPOSIO_RETRIES, null)).isEqualTo(Map.of("", 1.0));
        assertThat(emf.metricNames()).doesNotContain(MetricNames.DELIVERIES);
        assertThat(String.join("\n", stdout)).doesNotContain(FunctionCalls.API_KEY);
    }

    @Test
    void eachStatusClassIsItsOwn() throws Throwable {
        composio.stubFor(get(urlPathEqualTo(ACTIVE)).inScenario("limits").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("bad"));
        composio.stubFor(get(urlPathEqualTo(ACTIVE)).inScenario("limits").whenScenarioStateIs("bad")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(error(400, "BadRequest", "no", "req_2"))));

        List<String> stdout = Stdout.capture(() -> invoke("{\"user_id\":\"user-1\"}").statusCode(500));
        EmfRecords emf = EmfRecords.in(stdout, false);

        assertThat(emf.sum(NS, MetricNames.COMPOSIO_CALLS, MetricNames.STATUS)).isEqualTo(Map.of("429", 1.0, "4xx", 1.0));
        assertThat(emf.sum(NS, MetricNames.COMPOSIO_RETRIES, null)).isEqualTo(Map.of("", 1.0));
    }

    @Test
    void noAnswerIsUnreachable() throws Throwable {
        composio.stubFor(get(urlPathEqualTo(ACTIVE)).willReturn(aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        List<String> stdout = Stdout.capture(() -> invoke("{\"user_id\":\"user-1\"}").statusCode(500));

        assertThat(EmfRecords.in(stdout, false).sum(NS, MetricNames.COMPOSIO_CALLS, MetricNames.STATUS))
                .isEqualTo(Map.of("unreachable", 4.0));
    }
}
