package io.ctf.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The sentences provisionEndpoint answers with: what the person does next, in order. */
final class NextSteps {

    /** Where each provider takes the webhook URL, as the seed names it; others get a generic sentence. */
    private static final Map<String, String> WHERE_TO_PASTE = Map.of(
            "slack", "your Slack app's Event Subscriptions → Request URL (api.slack.com/apps → your app)",
            "notion", "your Notion integration's settings → Webhook Endpoints");

    private NextSteps() {
    }

    static List<String> managed(String toolkitSlug, boolean dataGiven) {
        List<String> steps = new ArrayList<>(2);
        steps.add("Composio manages the " + toolkitSlug + " webhook endpoint: there is nothing to provision; "
                + "create " + toolkitSlug + " triggers directly.");
        if (dataGiven) {
            steps.add("The given 'data' was not stored: a Composio-managed endpoint takes no setup fields.");
        }
        return steps;
    }

    static List<String> provisioned(String toolkitSlug, String id, String webhookUrl, boolean verified,
                                    List<String> missingFields, SetupFields fields) {
        List<String> steps = new ArrayList<>(3);
        boolean missing = !missingFields.isEmpty();
        if (missing) {
            steps.add("Store the missing required field" + (missingFields.size() == 1 ? " " : "s ")
                    + fields.describe(missingFields) + ": invoke provisionEndpoint again with "
                    + (missingFields.size() == 1 ? "it" : "them") + " in \"data\"; the fields already stored are kept.");
        }
        if (!verified) {
            steps.add((missing ? "Once they are stored (the provider's requests fail until then), paste" : "Paste")
                    + " the webhook_url " + webhookUrl + " into " + whereToPaste(toolkitSlug) + ".");
            steps.add("Then invoke provisionEndpoint again (or getEndpoint with {\"id\": \"" + id + "\"}) to see "
                    + "\"verified\": true; Composio answers the provider's verification challenge itself.");
        } else if (!missing) {
            steps.add("Nothing left to do: the endpoint is verified and has every required field; "
                    + "create " + toolkitSlug + " triggers for this OAuth app.");
        }
        return steps;
    }

    private static String whereToPaste(String toolkitSlug) {
        String where = WHERE_TO_PASTE.get(toolkitSlug);
        return where != null ? where
                : "the webhook (event callback) URL setting of your " + toolkitSlug + " OAuth app in the provider's dashboard";
    }
}
