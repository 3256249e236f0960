package io.ctf.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a CloudFormation/SAM template, turning the short-form tags into their long form as
 * CloudFormation does: {@code !Ref X} → {@code {Ref: X}}, {@code !GetAtt A.B} →
 * {@code {Fn::GetAtt: [A, B]}}, {@code !Sub s} → {@code {Fn::Sub: s}}, and so on.
 */
public final class CloudFormationYaml {

    private CloudFormationYaml() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path template) throws IOException {
        try (Reader in = Files.newBufferedReader(template)) {
            return (Map<String, Object>) new Yaml(new Tags()).load(in);
        }
    }

    private static final class Tags extends SafeConstructor {

        Tags() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String name = node.getTag().getValue().substring(1);
                    String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
                    Object value;
                    if (node instanceof ScalarNode scalar) {
                        value = constructScalar(scalar);
                    } else if (node instanceof SequenceNode sequence) {
                        value = constructSequence(sequence);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    if (key.equals("Fn::GetAtt") && value instanceof String dotted) {
                        value = List.of(dotted.split("\\.", 2));
                    }
                    return Map.of(key, value);
                }
            });
        }
    }
}
