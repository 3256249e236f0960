package io.ctf.endpoint;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

/**
 * Composio's webhook endpoint answers, in the shapes of its v3.1 spec (Webhook Endpoints) and of the
 * seed's samples: the Slack endpoint {@code we_abc123} of one OAuth app.
 */
public final class ComposioEndpoints {

    public static final String ENDPOINTS = "/api/v3.1/webhook_endpoints";
    public static final String SCHEMA = ENDPOINTS + "/schema";
    public static final String ID = "we_abc123";
    public static final String ENDPOINT = ENDPOINTS + "/" + ID;
    public static final String CLIENT_ID = "1234567890.0987654321";
    public static final String WEBHOOK_URL = "https://backend.composio.dev/api/v3.1/webhook_ingress/slack/we_abc123/trigger_event";
    public static final String VERIFIED_AT = "2026-04-24T10:05:00.000Z";

    /** Values a test sends; none may reach a log, an output or an error. */
    static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String APP_TOKEN = "xapp-1-A0123456789-1234567890123-abcdef0123456789";
    /** How Composio shows a stored secret. */
    static final String MASKED = "********";

    public static final String SLACK_SCHEMA = """
            {"toolkit_slug":"slack","setup_fields":{
              "webhook_signing_secret":{"display_name":"Signing Secret",
                "description":"Webhook request signing secret from your Slack app dashboard","is_required":true,"is_secret":true},
              "app_token":{"display_name":"App-Level Token",
                "description":"Slack xapp- token with authorizations:read scope for event authorization","is_required":true,"is_secret":true}}}""";

    static final String GITHUB_SCHEMA_MANAGED = """
            {"toolkit_slug":"github","setup_fields":{}}""";

    private ComposioEndpoints() {
    }

    /** The endpoint as Composio shows it: {@code data} is a JSON object of masked values or null. */
    public static String endpoint(String data, String verifiedAt) {
        return endpoint(ID, "slack", CLIENT_ID, WEBHOOK_URL, data, verifiedAt);
    }

    static String endpoint(String id, String toolkit, String clientId, String url, String data, String verifiedAt) {
        return """
                {"id":"%s","toolkit_slug":"%s","client_id":"%s","webhook_url":"%s","data":%s,"created_at":"2026-04-24T10:00:00.000Z"%s}"""
                .formatted(id, toolkit, clientId, url, data,
                        verifiedAt == null ? "" : ",\"verified_at\":\"" + verifiedAt + "\"");
    }

    public static String masked(String... fields) {
        StringBuilder data = new StringBuilder("{");
        for (String field : fields) {
            data.append(data.length() > 1 ? "," : "").append('"').append(field).append("\":\"").append(MASKED).append('"');
        }
        return data.append('}').toString();
    }

    /** The calls Composio received, oldest first, as {@code "METHOD /path"} (no query). */
    static List<String> calls(WireMockServer composio) {
        List<String> calls = new ArrayList<>();
        for (ServeEvent event : composio.getAllServeEvents()) {
            calls.add(0, event.getRequest().getMethod() + " " + event.getRequest().getUrl().replaceFirst("\\?.*", ""));
        }
        return calls;
    }

    static ResponseDefinitionBuilder answer(int status, String body) {
        return aResponse().withStatus(status).withHeader("content-type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder ok(String body) {
        return okJson(body);
    }

    /** Composio's error envelope. */
    static ResponseDefinitionBuilder error(int status, String slug, String message, String requestId) {
        return answer(status, """
                {"error":{"message":"%s","code":%d,"slug":"%s","status":%d,"request_id":"%s"}}"""
                .formatted(message, status, slug, status, requestId));
    }
}
