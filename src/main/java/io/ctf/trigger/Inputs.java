package io.ctf.trigger;

import io.ctf.lambda.InvalidInput;
import io.ctf.lambda.JsonInput;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The trigger functions' input checks (after {@link JsonInput} read the input): slugs, and id lists for
 * Composio's comma-joined query parameters.
 */
final class Inputs {

    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9_]+");

    private Inputs() {
    }

    /** A trigger type slug such as {@code GITHUB_COMMIT_EVENT}. */
    static String slug(String field, String value) {
        InvalidInput.require(field, value);
        if (!SLUG.matcher(value).matches()) {
            throw new InvalidInput("'" + field + "' must be a trigger type slug such as GITHUB_COMMIT_EVENT (letters, digits, '_')");
        }
        return value;
    }

    /** Ids and slugs go into comma-joined query parameters: none may be blank or hold a comma. */
    static String joined(String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String name = values.size() == 1 && !field.endsWith("s") ? field : field + "[" + i + "]";
            if (value == null || value.isBlank()) {
                throw new InvalidInput("'" + name + "' is empty");
            }
            if (value.contains(",")) {
                throw new InvalidInput("'" + name + "' must not contain ','");
            }
        }
        return values.stream().map(String::trim).distinct().collect(Collectors.joining(","));
    }
}
