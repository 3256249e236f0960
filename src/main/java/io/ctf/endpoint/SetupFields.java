package io.ctf.endpoint;

import io.ctf.composio.WebhookEndpoint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields a toolkit's webhook endpoint takes ({@code GET /webhook_endpoints/schema}), in
 * Composio's order. None at all means Composio manages the endpoint itself.
 */
record SetupFields(String toolkitSlug, Map<String, WebhookEndpoint.SetupField> fields) {

    static SetupFields of(String toolkitSlug, WebhookEndpoint.Schema schema) {
        Map<String, WebhookEndpoint.SetupField> fields = new LinkedHashMap<>();
        if (schema != null && schema.setupFields() != null) {
            schema.setupFields().forEach((name, field) -> fields.put(name,
                    field != null ? field : new WebhookEndpoint.SetupField(null, null, false, false)));
        }
        return new SetupFields(toolkitSlug, fields);
    }

    boolean managedByComposio() {
        return fields.isEmpty();
    }

    /** Refuses names the endpoint does not take, all of them at once. */
    void requireKnown(Collection<String> names) {
        List<String> unknown = names.stream().filter(name -> !fields.containsKey(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownSetupField(toolkitSlug, unknown, this);
        }
    }

    /** Required fields that are in neither of the given sets of names, in Composio's order. */
    List<String> missingRequired(Set<String> stored, Set<String> given) {
        List<String> missing = new ArrayList<>();
        fields.forEach((name, field) -> {
            if (field.isRequired() && !stored.contains(name) && !given.contains(name)) {
                missing.add(name);
            }
        });
        return missing;
    }

    /** E.g. {@code webhook_signing_secret (Signing Secret, required), app_token (App-Level Token, required)}. */
    String describe() {
        return describe(fields.keySet());
    }

    String describe(Collection<String> names) {
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            WebhookEndpoint.SetupField field = fields.get(name);
            List<String> notes = new ArrayList<>(2);
            if (field != null && field.displayName() != null && !field.displayName().isBlank()) {
                notes.add(field.displayName());
            }
            notes.add(field != null && field.isRequired() ? "required" : "optional");
            parts.add(name + " (" + String.join(", ", notes) + ")");
        }
        return String.join(", ", parts);
    }
}
