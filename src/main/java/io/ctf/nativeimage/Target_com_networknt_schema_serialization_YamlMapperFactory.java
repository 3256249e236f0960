package io.ctf.nativeimage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;

/**
 * json-schema-validator 1.5.9's YAML mapper, left out with jackson-dataformat-yaml (the pom excludes
 * it: Composio's config schemas are JSON). The original {@code getInstance()} initialises a holder
 * whose static initialiser names {@code YAMLMapper}; Quarkus initialises classes at build time and
 * links at build time, so the native build fails on it (run-time initialisation does not help:
 * the type stays unresolved). Only YAML schema input reaches this method, never ours.
 * <p>
 * Behaves as the JVM build does without the jar: the first call throws {@link NoClassDefFoundError}
 * naming {@code YAMLMapper}.
 */
@TargetClass(className = "com.networknt.schema.serialization.YamlMapperFactory", onlyWith = JacksonYamlAbsent.class)
final class Target_com_networknt_schema_serialization_YamlMapperFactory {

    private Target_com_networknt_schema_serialization_YamlMapperFactory() {
    }

    @Substitute
    public static ObjectMapper getInstance() {
        throw new NoClassDefFoundError(JacksonYamlAbsent.YAML_MAPPER.replace('.', '/'));
    }
}
