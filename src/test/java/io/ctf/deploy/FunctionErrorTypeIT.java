package io.ctf.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Under template.yaml's JVM handler, a directly invoked function's failure reaches Lambda as the
 * function's own error class (Lambda's java runtime names {@code errorType} after it), not as
 * Funqy's {@code ApplicationException}.
 */
@EnabledIf("io.ctf.deploy.PackagedFunction#jvmArtifactBuilt")
class FunctionErrorTypeIT {

    static PackagedFunction createTrigger;

    @BeforeAll
    static void load() throws Exception {
        createTrigger = new PackagedFunction("createTrigger", Map.of("composio.api-key", "it-key-never-shown"));
    }

    @AfterAll
    static void unload() throws Exception {
        createTrigger.close();
    }

    @Test
    void invalidInputIsReportedAsInvalidInputItself() {
        assertThatThrownBy(() -> createTrigger.invoke("{\"user_id\":\"user-1\"}"))
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getClass().getName()).isEqualTo("io.ctf.lambda.InvalidInput"))
                .hasMessageContaining("'slug'")
                .hasMessageNotContaining("it-key-never-shown");
    }
}
