package io.ctf.endpoint;

import io.ctf.lambda.CallerError;
import io.ctf.lambda.FunctionError;

import java.util.List;

/**
 * The input names a field the toolkit's webhook endpoint does not take. Raised before anything is
 * written to Composio. Names fields only, never their values.
 */
public class UnknownSetupField extends FunctionError implements CallerError {

    private final List<String> unknown;

    public UnknownSetupField(String toolkitSlug, List<String> unknown, SetupFields known) {
        super("Unknown setup field" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                + " for the " + toolkitSlug + " webhook endpoint. "
                + (known.managedByComposio()
                        ? "Composio manages the " + toolkitSlug + " endpoint: it takes no setup fields."
                        : "It takes: " + known.describe() + "."));
        this.unknown = List.copyOf(unknown);
    }

    public List<String> unknown() {
        return unknown;
    }
}
