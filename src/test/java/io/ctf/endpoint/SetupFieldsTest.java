package io.ctf.endpoint;

import io.ctf.composio.WebhookEndpoint;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SetupFieldsTest {

    static SetupFields slack() {
        Map<String, WebhookEndpoint.SetupField> fields = new LinkedHashMap<>();
        fields.put("webhook_signing_secret", new WebhookEndpoint.SetupField("Signing Secret", "", true, true));
        fields.put("app_token", new WebhookEndpoint.SetupField("App-Level Token", "", true, true));
        fields.put("team_hint", new WebhookEndpoint.SetupField(null, "", false, false));
        return SetupFields.of("slack", new WebhookEndpoint.Schema("slack", fields));
    }

    @Test
    void noSetupFieldsOrNoSchemaMeansComposioManagesTheEndpoint() {
        assertThat(SetupFields.of("github", new WebhookEndpoint.Schema("github", Map.of())).managedByComposio()).isTrue();
        assertThat(SetupFields.of("github", new WebhookEndpoint.Schema("github", null)).managedByComposio()).isTrue();
        assertThat(SetupFields.of("github", null).managedByComposio()).isTrue();
        assertThat(slack().managedByComposio()).isFalse();
    }

    @Test
    void unknownNamesAreRefusedAllAtOnceSorted() {
        assertThatThrownBy(() -> slack().requireKnown(List.of("zeta", "app_token", "alpha")))
                .isInstanceOf(UnknownSetupField.class)
                .hasMessageStartingWith("Unknown setup fields alpha, zeta for the slack webhook endpoint.")
                .hasMessageContaining("team_hint (optional)")
                .satisfies(e -> assertThat(((UnknownSetupField) e).unknown()).containsExactly("alpha", "zeta"));
    }

    @Test
    void knownNamesPass() {
        slack().requireKnown(Set.of("app_token", "team_hint"));
    }

    @Test
    void missingAreTheRequiredFieldsNeitherStoredNorGivenInComposiosOrder() {
        assertThat(slack().missingRequired(Set.of(), Set.of())).containsExactly("webhook_signing_secret", "app_token");
        assertThat(slack().missingRequired(Set.of("webhook_signing_secret"), Set.of())).containsExactly("app_token");
        assertThat(slack().missingRequired(Set.of("webhook_signing_secret"), Set.of("app_token"))).isEmpty();
    }

    @Test
    void aManagedToolkitSaysSoWhenGivenAField() {
        assertThatThrownBy(() -> SetupFields.of("github", null).requireKnown(List.of("secret")))
                .hasMessageContaining("Composio manages the github endpoint: it takes no setup fields.");
    }
}
