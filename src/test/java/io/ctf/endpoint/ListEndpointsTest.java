package io.ctf.endpoint;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.ctf.composio.ComposioUnavailable;
import io.ctf.composio.InjectWireMock;
import io.ctf.composio.WireMockComposio;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.ctf.endpoint.ComposioEndpoints.CLIENT_ID;
import static io.ctf.endpoint.ComposioEndpoints.ENDPOINT;
import static io.ctf.endpoint.ComposioEndpoints.ENDPOINTS;
import static io.ctf.endpoint.ComposioEndpoints.ID;
import static io.ctf.endpoint.ComposioEndpoints.VERIFIED_AT;
import static io.ctf.endpoint.ComposioEndpoints.WEBHOOK_URL;
import static io.ctf.endpoint.ComposioEndpoints.answer;
import static io.ctf.endpoint.ComposioEndpoints.endpoint;
import static io.ctf.endpoint.ComposioEndpoints.error;
import static io.ctf.endpoint.ComposioEndpoints.masked;
import static io.ctf.endpoint.ComposioEndpoints.ok;
import static io.ctf.endpoint.Invocations.failsWith;
import static io.ctf.endpoint.Invocations.succeeds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** listEndpoints: Composio's list has ids only, so each endpoint is fetched for its URL and state. */
@QuarkusTest
@TestProfile(ListEndpointsTest.Export.class)
@QuarkusTestResource(WireMockComposio.class)
class ListEndpointsTest {

    public static class Export extends FunctionProfile {
        public Export() {
            super("listEndpoints");
        }
    }

    static final String NOTION_ID = "we_notion1";
    static final String NOTION_URL = "https://backend.composio.dev/api/v3.1/webhook_ingress/notion/we_notion1/trigger_event";

    static final String TWO_ENDPOINTS = """
            {"items":[{"id":"%s","toolkit_slug":"slack","client_id":"%s"},
                      {"id":"%s","toolkit_slug":"notion","client_id":"notion-client"}]}"""
            .formatted(ID, CLIENT_ID, NOTION_ID);

    @InjectWireMock
    WireMockServer composio;

    @BeforeEach
    void freshComposio() {
        composio.resetAll();
    }

    @Test
    void everyEndpointIsShownWithItsUrlAndVerificationState() {
        composio.stubFor(get(urlPathEqualTo(ENDPOINTS)).willReturn(ok(TWO_ENDPOINTS)));
        composio.stubFor(get(urlPathEqualTo(ENDPOINT)).willReturn(ok(endpoint(masked("webhook_signing_secret", "app_token"), VERIFIED_AT))));
        composio.stubFor(get(urlPathEqualTo(ENDPOINTS + "/" + NOTION_ID)).willReturn(ok(
                endpoint(NOTION_ID, "notion", "notion-client", NOTION_URL, "null", null))));

        succeeds("{}")
                .body("endpoints", hasSize(2))
                .body("endpoints[0].id", equalTo(ID))
                .body("endpoints[0].webhook_url", equalTo(WEBHOOK_URL))
                .body("endpoints[0].verified", equalTo(true))
                .body("endpoints[0].stored_fields", contains("app_token", "webhook_signing_secret"))
                .body("endpoints[1].id", equalTo(NOTION_ID))
                .body("endpoints[1].toolkit_slug", equalTo("notion"))
                .body("endpoints[1].webhook_url", equalTo(NOTION_URL))
                .body("endpoints[1].verified", equalTo(false))
                .body("endpoints[1].stored_fields", empty());

        assertThat(ComposioEndpoints.calls(composio))
                .containsExactly("GET " + ENDPOINTS, "GET " + ENDPOINT, "GET " + ENDPOINTS + "/" + NOTION_ID);
        composio.verify(getRequestedFor(urlPathEqualTo(ENDPOINTS)).withoutQueryParam("toolkit_slug"));
    }

    @Test
    void theToolkitFilterIsPassedToComposio() {
        composio.stubFor(get(urlPathEqualTo(ENDPOINTS)).withQueryParam("toolkit_slug", WireMock.equalTo("slack"))
                .willReturn(ok("{\"items\":[{\"id\":\"" + ID + "\",\"toolkit_slug\":\"slack\",\"client_id\":\"" + CLIENT_ID + "\"}]}")));
        composio.stubFor(get(urlPathEqualTo(ENDPOINT)).willReturn(ok(endpoint("null", null))));

        succeeds("{\"toolkit_slug\":\"Slack\"}")
                .body("endpoints", hasSize(1))
                .body("endpoints[0].webhook_url", equalTo(WEBHOOK_URL));
    }

    @Test
    void anEndpointDeletedWhileListingIsLeftOut() {
        composio.stubFor(get(urlPathEqualTo(ENDPOINTS)).willReturn(ok(TWO_ENDPOINTS)));
        composio.stubFor(get(urlPathEqualTo(ENDPOINT)).willReturn(error(404, "WebhookEndpoint_NotFound", "not found", "req_x")));
        composio.stubFor(get(urlPathEqualTo(ENDPOINTS + "/" + NOTION_ID)).willReturn(ok(
                endpoint(NOTION_ID, "notion", "notion-client", NOTION_URL, "null", null))));

        succeeds("{}").body("endpoints", hasSize(1)).body("endpoints[0].id", equalTo(NOTION_ID));
    }

    @Test
    void noEndpointsIsAnEmptyList() {
        composio.stubFor(get(urlPathEqualTo(ENDPOINTS)).willReturn(ok("{\"items\":[]}")));

        succeeds("{}").body("endpoints", empty());
        succeeds("").body("endpoints", empty());
    }

    @Test
    void composioStayingDownEndsAsUnavailable() {
        composio.stubFor(get(urlPathEqualTo(ENDPOINTS)).willReturn(answer(503, "")));

        assertThat(failsWith(ComposioUnavailable.class, "{}")).contains("HTTP 503");
        composio.verify(4, getRequestedFor(urlPathEqualTo(ENDPOINTS)));
    }
}
