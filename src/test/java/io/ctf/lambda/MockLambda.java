package io.ctf.lambda;

import io.restassured.response.ValidatableResponse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Invokes the exported function through Quarkus's mock Lambda event server (the poll loop the
 * native runtime uses), as Lambda would.
 */
public final class MockLambda {

    private MockLambda() {
    }

    public static ValidatableResponse invoke(String input) {
        return given().contentType("application/json").accept("application/json")
                .body(input)
                .when().post()
                .then();
    }

    /**
     * Asserts the invocation failed with {@code error} as its {@code errorType} (the poll loop's
     * report, unwrapped from Funqy's ApplicationException by FunctionErrorType, as the JVM handler
     * reports it) and returns the message a person reads.
     */
    public static String failure(ValidatableResponse response, Class<? extends RuntimeException> error) {
        return response.statusCode(500)
                .body("errorType", equalTo(error.getName()))
                .extract().path("errorMessage");
    }
}
