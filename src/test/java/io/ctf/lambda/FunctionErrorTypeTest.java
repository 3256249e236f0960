package io.ctf.lambda;

import io.quarkus.funqy.runtime.ApplicationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the poll loop's report of a failure is unwrapped (the end-to-end behaviour, through the mock
 * event server, is every function test's MockLambda.failure).
 */
class FunctionErrorTypeTest {

    @Test
    void funqysWrapperGivesWayToWhatTheFunctionThrew() {
        var wrapped = new ApplicationException(new InvalidInput("'slug' is required\nsecond line"));

        assertThat(FunctionErrorType.unwrapped(wrapped.getClass().getName(), wrapped.getMessage()))
                .containsExactly("io.ctf.lambda.InvalidInput", "'slug' is required\nsecond line");
    }

    @Test
    void aThrowableWithoutMessageKeepsNoMessage() {
        var wrapped = new ApplicationException(new IllegalStateException());

        assertThat(FunctionErrorType.unwrapped(wrapped.getClass().getName(), wrapped.getMessage()))
                .containsExactly("java.lang.IllegalStateException", null);
    }

    @Test
    void anythingElseIsReportedAsTheLoopMadeIt() {
        assertThat(FunctionErrorType.unwrapped("java.lang.RuntimeException", "io.ctf.Foo: bar"))
                .containsExactly("java.lang.RuntimeException", "io.ctf.Foo: bar");
        assertThat(FunctionErrorType.unwrapped(ApplicationException.class.getName(), "not a class name"))
                .containsExactly(ApplicationException.class.getName(), "not a class name");
        assertThat(FunctionErrorType.unwrapped(ApplicationException.class.getName(), null))
                .containsExactly(ApplicationException.class.getName(), null);
    }
}
