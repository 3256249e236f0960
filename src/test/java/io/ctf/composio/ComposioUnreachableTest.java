package io.ctf.composio;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Nothing listens on the configured address: connection failures are retried, then reported as unavailable. */
@QuarkusTest
@TestProfile(ComposioUnreachableTest.NothingListening.class)
class ComposioUnreachableTest {

    public static class NothingListening implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("composio.base-url", "http://127.0.0.1:9");
        }
    }

    @Inject
    Composio client;

    @Test
    void aConnectionFailureEndsAsUnavailable() {
        assertThatThrownBy(() -> client.call(api -> api.getTriggerType("X", null)))
                .isInstanceOf(ComposioUnavailable.class)
                .hasMessageContaining("no answer from http://127.0.0.1:9")
                .hasMessageNotContaining("test-api-key-never-logged");
    }
}
