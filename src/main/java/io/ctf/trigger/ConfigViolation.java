package io.ctf.trigger;

/**
 * One way {@code trigger_config} breaks its schema: {@code field} is a property path from the
 * input's root, e.g. {@code trigger_config.labels[1]}; {@code problem} is the schema library's text.
 */
public record ConfigViolation(String field, String problem) {

    @Override
    public String toString() {
        return field + ": " + problem;
    }
}
