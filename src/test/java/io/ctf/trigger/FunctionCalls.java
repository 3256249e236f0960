package io.ctf.trigger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctf.lambda.MockLambda;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.response.ValidatableResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;


/** Invokes the exported function through Quarkus's mock Lambda event server, and Composio's shapes for stubs. */
public final class FunctionCalls {

    static final String API_KEY = "test-api-key-never-logged";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FunctionCalls() {
    }

    /** Exports one function, as template.yaml does with QUARKUS_FUNQY_EXPORT. */
    abstract static class Export implements QuarkusTestProfile {
        private final Map<String, String> config;

        Export(String function, String... moreConfig) {
            var all = new java.util.HashMap<String, String>();
            all.put("quarkus.funqy.export", function);
            for (int i = 0; i + 1 < moreConfig.length; i += 2) {
                all.put(moreConfig[i], moreConfig[i + 1]);
            }
            config = Map.copyOf(all);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return config;
        }
    }

    static ValidatableResponse invoke(String input) {
        return MockLambda.invoke(input);
    }

    /** Asserts the invocation failed with {@code error} and returns the message a person reads. */
    static String failure(ValidatableResponse response, Class<? extends RuntimeException> error) {
        return MockLambda.failure(response, error);
    }

    public static String resource(String path) {
        try (InputStream in = FunctionCalls.class.getResourceAsStream("/composio/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource composio/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Composio's error envelope. */
    static String error(int status, String slug, String message, String requestId) {
        return "{\"error\":{\"message\":\"" + message + "\",\"code\":" + status + ",\"slug\":\"" + slug
                + "\",\"status\":" + status + ",\"request_id\":\"" + requestId + "\"}}";
    }

    /** A connected account as {@code GET /api/v3.1/connected_accounts} lists it. */
    static String account(String id, String toolkit, String status, String createdAt, boolean disabled) {
        return """
                {"toolkit":{"slug":"%2$s"},
                 "auth_config":{"id":"ac_%2$s1","auth_scheme":"OAUTH2","is_composio_managed":true,"is_disabled":false},
                 "id":"%1$s","user_id":"user-1","status":"%3$s","created_at":"%4$s","updated_at":"%4$s",
                 "state":{"authScheme":"OAUTH2","val":{"status":"%3$s"}},"data":{},"status_reason":null,
                 "is_disabled":%5$s,"test_request_endpoint":"","deprecated":{"labels":[],"uuid":"00000000-0000-4000-8000-000000000001"}}"""
                .formatted(id, toolkit, status, createdAt, disabled);
    }

    /** A connected account of your own OAuth app (not Composio-managed). */
    static String ownAppAccount(String id, String toolkit, String status, String createdAt) {
        return account(id, toolkit, status, createdAt, false).replace("\"is_composio_managed\":true", "\"is_composio_managed\":false");
    }

    static String accountsPage(String nextCursor, String... accounts) {
        return "{\"items\":[" + Stream.of(accounts).collect(Collectors.joining(",")) + "],"
                + "\"next_cursor\":" + (nextCursor == null ? "null" : "\"" + nextCursor + "\"")
                + ",\"total_pages\":1,\"current_page\":1,\"total_items\":" + accounts.length + "}";
    }

    /** The GitHub toolkit's trigger types, each as {@code GET /api/v3.1/triggers_types} lists it. */
    public static List<String> githubTypes() {
        try {
            List<String> items = new ArrayList<>();
            JSON.readTree(resource("triggers/types-github.json")).path("items").forEach(item -> items.add(item.toString()));
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page of {@code GET /api/v3.1/triggers_types}, with Composio's page counters. */
    public static String typesPage(String nextCursor, int currentPage, int totalPages, int totalItems, List<String> items) {
        return "{\"items\":[" + String.join(",", items) + "],"
                + "\"next_cursor\":" + (nextCursor == null ? "null" : "\"" + nextCursor + "\"")
                + ",\"total_pages\":" + totalPages + ",\"current_page\":" + currentPage + ",\"total_items\":" + totalItems + "}";
    }

    public static String upserted(String triggerId) {
        return "{\"trigger_id\":\"" + triggerId + "\",\"deprecated\":{\"uuid\":\"7d3e4b8a-0c1f-4e55-9a61-1b2c3d4e5f60\"}}";
    }
}
