package io.ctf.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How violations of a trigger type's config schema are named. */
class ConfigSchemaTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static ConfigSchema schema(String schema) throws Exception {
        return new ConfigSchema(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(schema)));
    }

    static JsonNode json(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void nestedFieldsAreNamedByPropertyPath() throws Exception {
        var schema = schema("""
                {"type":"object","properties":{
                  "filter":{"type":"object","properties":{"labels":{"type":"array","items":{"type":"string"}}},
                            "required":["branch"]},
                  "odd name":{"type":"integer"}}}""");

        assertThat(schema.violations(json("{\"filter\":{\"labels\":[\"ok\",7]},\"odd name\":\"x\"}")))
                .extracting(ConfigViolation::field)
                .containsExactly("trigger_config.filter.branch", "trigger_config.filter.labels[1]", "trigger_config[\"odd name\"]");
    }

    @Test
    void aFittingConfigHasNoViolations() throws Exception {
        var schema = schema("{\"type\":\"object\",\"properties\":{\"owner\":{\"type\":\"string\"}},\"required\":[\"owner\"]}");

        assertThat(schema.violations(json("{\"owner\":\"acme\",\"extra\":true}"))).isEmpty();
    }

    @Test
    void aSchemaNamingDraft07IsReadAsDraft07() throws Exception {
        // In draft-07 "items" as an array is the tuple form: the second item must be a number.
        var schema = schema("""
                {"$schema":"http://json-schema.org/draft-07/schema#","type":"object",
                 "properties":{"pair":{"type":"array","items":[{"type":"string"},{"type":"number"}]}}}""");

        assertThat(schema.violations(json("{\"pair\":[\"a\",\"b\"]}")))
                .extracting(ConfigViolation::field).containsExactly("trigger_config.pair[1]");
    }

    @Test
    void withoutAUsableSchemaNothingIsCheckedHere() throws Exception {
        assertThat(ConfigSchema.UNCHECKED.checks()).isFalse();
        assertThat(ConfigSchema.UNCHECKED.violations(json("{\"anything\":1}"))).isEmpty();
    }
}
