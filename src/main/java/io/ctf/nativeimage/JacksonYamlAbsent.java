package io.ctf.nativeimage;

import java.util.function.BooleanSupplier;

/** True while {@code com.fasterxml.jackson.dataformat:jackson-dataformat-yaml} is left out (the pom excludes it). */
final class JacksonYamlAbsent implements BooleanSupplier {

    static final String YAML_MAPPER = "com.fasterxml.jackson.dataformat.yaml.YAMLMapper";

    @Override
    public boolean getAsBoolean() {
        return !ClassPresence.present(YAML_MAPPER);
    }
}
