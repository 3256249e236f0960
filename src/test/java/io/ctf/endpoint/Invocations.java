package io.ctf.endpoint;

import io.ctf.lambda.FunctionError;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Invokes the exported function through Quarkus's mock Lambda event server, as Lambda would. */
final class Invocations {

    /**
     * What a failed invocation reports as {@code errorType}: Funqy wraps every exception a function
     * throws in this class, and puts {@code <our class>: <message>} in {@code errorMessage}.
     */
    static final String FUNQY_WRAPPER = "io.quarkus.funqy.runtime.ApplicationException";

    private Invocations() {
    }

    static ValidatableResponse invoke(String input) {
        return given().contentType("application/json").accept("application/json")
                .body(input)
                .when().post()
                .then();
    }

    static ValidatableResponse succeeds(String input) {
        return invoke(input).statusCode(200);
    }

    /**
     * Asserts the invocation failed with {@code error} and returns the error's own message (what a
     * person reads), without the class name.
     */
    static String failsWith(Class<? extends FunctionError> error, String input) {
        ExtractableResponse<Response> answer = invoke(input).statusCode(500).extract();
        assertThat(answer.<String>path("errorType")).isEqualTo(FUNQY_WRAPPER);
        String message = answer.path("errorMessage");
        assertThat(message).startsWith(error.getName() + ": ");
        return message.substring(error.getName().length() + 2);
    }

    /** The whole error answer, for checks that no secret is in it. */
    static String errorBody(String input) {
        return invoke(input).statusCode(500).extract().asString();
    }
}
