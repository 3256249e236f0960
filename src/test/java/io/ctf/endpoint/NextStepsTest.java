package io.ctf.endpoint;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NextStepsTest {

    static final String URL = "https://backend.composio.dev/api/v3.1/webhook_ingress/x/we_1/trigger_event";

    @Test
    void slackIsToldWhereToPasteTheUrl() {
        assertThat(NextSteps.provisioned("slack", "we_1", URL, false, List.of(), SetupFieldsTest.slack()))
                .first().asString().contains("Event Subscriptions → Request URL").contains(URL);
    }

    @Test
    void otherProvidersGetAGenericSentence() {
        assertThat(NextSteps.provisioned("linear", "we_1", URL, false, List.of(), SetupFieldsTest.slack()))
                .first().asString().contains("webhook (event callback) URL setting of your linear OAuth app").contains(URL);
    }

    @Test
    void missingFieldsComeFirstAndThePasteWaitsForThem() {
        List<String> steps = NextSteps.provisioned("slack", "we_1", URL, false, List.of("app_token"), SetupFieldsTest.slack());
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0)).startsWith("Store the missing required field app_token (App-Level Token, required)");
        assertThat(steps.get(1)).startsWith("Once they are stored");
        assertThat(steps.get(2)).contains("{\"id\": \"we_1\"}");
    }

    @Test
    void aVerifiedEndpointStillMissingAFieldOnlyAsksForTheField() {
        assertThat(NextSteps.provisioned("slack", "we_1", URL, true, List.of("app_token"), SetupFieldsTest.slack()))
                .singleElement().asString().startsWith("Store the missing required field");
    }
}
