package io.ctf.lambda;

import io.quarkus.funqy.runtime.ApplicationException;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionErrorsTest {

    @Test
    void aFunctionErrorWrappedByFunqyComesOutAsItself() {
        var thrown = new InvalidInput("'slug' is required");
        assertThat(FunctionErrors.unwrap(new ApplicationException(thrown))).isSameAs(thrown);
    }

    @Test
    void anythingElseIsLeftAsItIs() {
        var checkedCause = new ApplicationException(new IOException("broken pipe"));
        assertThat(FunctionErrors.unwrap(checkedCause)).isSameAs(checkedCause);
        var plain = new IllegalStateException("x");
        assertThat(FunctionErrors.unwrap(plain)).isSameAs(plain);
    }
}
