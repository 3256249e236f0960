package io.ctf.endpoint;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Runs the app as the Lambda of one function ({@code quarkus.funqy.export}), logging at DEBUG so
 * that the secret checks see every record (the console stays at INFO).
 */
public abstract class FunctionProfile implements QuarkusTestProfile {

    private final String function;

    protected FunctionProfile(String function) {
        this.function = function;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.funqy.export", function,
                "quarkus.log.level", "DEBUG",
                "quarkus.log.console.level", "INFO");
    }
}
