package io.ctf.endpoint;

import io.ctf.lambda.FunctionError;
import io.ctf.lambda.MockLambda;
import io.restassured.response.ValidatableResponse;


/** Invokes the exported function through Quarkus's mock Lambda event server, as Lambda would. */
final class Invocations {

    private Invocations() {
    }

    static ValidatableResponse invoke(String input) {
        return MockLambda.invoke(input);
    }

    static ValidatableResponse succeeds(String input) {
        return invoke(input).statusCode(200);
    }

    /**
     * Asserts the invocation failed with {@code error} and returns the error's own message (what a
     * person reads), without the class name.
     */
    static String failsWith(Class<? extends FunctionError> error, String input) {
        return MockLambda.failure(invoke(input), error);
    }

    /** The whole error answer, for checks that no secret is in it. */
    static String errorBody(String input) {
        return invoke(input).statusCode(500).extract().asString();
    }
}
