package io.ctf.lambda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How JsonInput reads a value of each JSON type into each kind of field; Composio's mapper stays lenient. */
class JsonInputTest {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Sample(String text, Boolean flag, Integer number, List<String> list, Map<String, JsonNode> object,
                  @JsonProperty("any") JsonNode any) {
    }

    final ObjectMapper json = new ObjectMapper();
    final JsonInput inputs = new JsonInput();

    {
        inputs.customize(json);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"text\":12}           | 'text' has the wrong type: expected a string",
            "{\"text\":1.5}          | 'text' has the wrong type: expected a string",
            "{\"text\":true}         | 'text' has the wrong type: expected a string",
            "{\"text\":[\"a\"]}      | 'text' has the wrong type: expected a string",
            "{\"text\":{\"a\":1}}    | 'text' has the wrong type: expected a string",
            "{\"flag\":1}            | 'flag' has the wrong type: expected true or false",
            "{\"flag\":\"true\"}     | 'flag' has the wrong type: expected true or false",
            "{\"flag\":[true]}       | 'flag' has the wrong type: expected true or false",
            "{\"number\":\"5\"}      | 'number' has the wrong type: expected a whole number",
            "{\"number\":2.5}        | 'number' has the wrong type: expected a whole number",
            "{\"number\":true}       | 'number' has the wrong type: expected a whole number",
            "{\"list\":5}            | 'list' has the wrong type: expected an array of strings (or a single string)",
            "{\"list\":true}         | 'list' has the wrong type: expected an array of strings (or a single string)",
            "{\"list\":[\"a\",5]}    | 'list[1]' has the wrong type: expected a string",
            "{\"list\":{\"a\":\"b\"}} | 'list' has the wrong type: expected an array of strings (or a single string)",
            "{\"object\":\"x\"}      | 'object' has the wrong type: expected an object",
            "{\"object\":\"\"}       | 'object' has the wrong type: expected an object",
            "{\"object\":5}          | 'object' has the wrong type: expected an object",
            "{\"object\":[]}         | 'object' has the wrong type: expected an object",
            "[1]                     | the input must be a JSON object, not array",
            "\"text\"                | the input must be a JSON object, not string"})
    void aValueOfTheWrongTypeNamesItsField(String input, String expected) throws Exception {
        assertThatThrownBy(() -> inputs.read(json.readTree(input), Sample.class))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith(expected);
    }

    @Test
    void valuesOfTheRightTypeAreReadAsGiven() throws Exception {
        Sample sample = inputs.read(json.readTree("""
                {"text":"a","flag":false,"number":7,"list":"one","object":{"k":1},"any":[1],"unknown":{"x":1}}"""),
                Sample.class);

        assertThat(sample.text()).isEqualTo("a");
        assertThat(sample.flag()).isFalse();
        assertThat(sample.number()).isEqualTo(7);
        assertThat(sample.list()).as("a single string is a one-item list").containsExactly("one");
        assertThat(sample.object()).containsKey("k");
        assertThat(sample.any().isArray()).isTrue();
        assertThat(inputs.read(json.readTree("{\"text\":null,\"list\":[]}"), Sample.class))
                .isEqualTo(new Sample(null, null, null, List.of(), null, null));
        assertThat(inputs.read(null, Sample.class)).isEqualTo(new Sample(null, null, null, null, null, null));
    }

    @Test
    void theApplicationsMapperKeepsReadingComposiosAnswersLeniently() throws Exception {
        inputs.read(json.readTree("{}"), Sample.class);

        Sample lenient = json.readerFor(Sample.class).readValue("{\"text\":12,\"flag\":\"true\"}");
        assertThat(lenient.text()).isEqualTo("12");
        assertThat(lenient.flag()).isTrue();
    }
}
