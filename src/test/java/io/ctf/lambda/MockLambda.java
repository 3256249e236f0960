package io.ctf.lambda;

import io.restassured.response.ValidatableResponse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Invokes the exported function through Quarkus's mock Lambda event server (the poll loop the
 * native runtime uses), as Lambda would.
 */
public final class MockLambda {

    /**
     * What a failed invocation reports as {@code errorType} through the poll loop: Funqy wraps every
     * exception a function throws in this class and puts {@code <our class>: <message>} in
     * {@code errorMessage}. (The JVM handler removes the wrapper: see FunctionErrorTypeIT.)
     */
    public static final String FUNQY_WRAPPER = "io.quarkus.funqy.runtime.ApplicationException";

    private MockLambda() {
    }

    public static ValidatableResponse invoke(String input) {
        return given().contentType("application/json").accept("application/json")
                .body(input)
                .when().post()
                .then();
    }

    /** Asserts the invocation failed with {@code error} and returns the message a person reads, without the class name. */
    public static String failure(ValidatableResponse response, Class<? extends RuntimeException> error) {
        String prefix = error.getName() + ": ";
        String message = response.statusCode(500)
                .body("errorType", equalTo(FUNQY_WRAPPER))
                .body("errorMessage", startsWith(prefix))
                .extract().path("errorMessage");
        return message.substring(prefix.length());
    }
}
