package io.ctf.lambda;

import io.quarkus.funqy.runtime.ApplicationException;

/** Recovers what a function threw from Funqy's wrapping. */
public final class FunctionErrors {

    private FunctionErrors() {
    }

    /**
     * The function's own unchecked exception when {@code failure} is Funqy's wrapper around one;
     * otherwise {@code failure} itself.
     */
    public static RuntimeException unwrap(RuntimeException failure) {
        if (failure instanceof ApplicationException && failure.getCause() instanceof RuntimeException thrown) {
            return thrown;
        }
        return failure;
    }
}
