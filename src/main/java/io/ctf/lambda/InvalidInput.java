package io.ctf.lambda;

/** The invocation's input is malformed: a field is missing, empty or contradicts another. */
public class InvalidInput extends FunctionError implements CallerError {

    public InvalidInput(String message) {
        super(message);
    }

    /** Fails with an {@link InvalidInput} naming {@code field} when {@code value} is null or blank. */
    public static String require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("'" + field + "' is required");
        }
        return value;
    }
}
