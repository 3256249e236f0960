package io.ctf.trigger;

import io.ctf.lambda.CallerError;
import io.ctf.lambda.FunctionError;

import java.util.List;
import java.util.stream.Collectors;

/** {@code trigger_config} does not satisfy the trigger type's config schema; every violation is listed. */
public class InvalidTriggerConfig extends FunctionError implements CallerError {

    private final transient List<ConfigViolation> violations;

    public InvalidTriggerConfig(String slug, List<ConfigViolation> violations) {
        super("trigger_config does not fit the config schema of " + slug + " (" + violations.size()
                + (violations.size() == 1 ? " problem" : " problems") + "): "
                + violations.stream().map(ConfigViolation::toString).collect(Collectors.joining("; "))
                + ". Nothing was created; fix trigger_config and call again.");
        this.violations = List.copyOf(violations);
    }

    public List<ConfigViolation> violations() {
        return violations;
    }
}
