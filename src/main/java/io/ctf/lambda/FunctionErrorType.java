package io.ctf.lambda;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.amazon.lambda.runtime.FunctionError;
import io.quarkus.funqy.runtime.ApplicationException;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The native runtime's function errors named as the JVM handler ({@link FunctionHandler}) names
 * them: {@code errorType} the class the function threw (e.g. {@code io.ctf.trigger.InvalidTriggerConfig}),
 * {@code errorMessage} its message, so a Step Functions {@code Catch} works on either runtime.
 * <p>
 * The native binary runs Quarkus's Lambda poll loop, which reports {@code e.getClass().getName()}
 * and {@code e.getMessage()} of what it caught; Funqy has by then wrapped every failure in
 * {@link ApplicationException}, and the loop offers no hook. But it writes the error with a copy of
 * the application's ObjectMapper, which this customises: an {@code ApplicationException}'s message
 * is its cause's {@code toString()} ({@code Throwable(Throwable)}), i.e. {@code "<class>: <message>"},
 * so the serializer writes those two parts instead of the wrapper. Anything else (an init error,
 * a message of another shape) is written as the loop made it.
 */
@Singleton
public class FunctionErrorType implements ObjectMapperCustomizer {

    /** {@code Throwable.toString()}: a binary class name, then {@code ": " + message} when there is one. */
    private static final Pattern THROWABLE = Pattern.compile(
            "(\\p{javaJavaIdentifierStart}[\\p{javaJavaIdentifierPart}]*(?:\\.\\p{javaJavaIdentifierStart}[\\p{javaJavaIdentifierPart}]*)+)(?:: (.*))?",
            Pattern.DOTALL);

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("function-error-type").addSerializer(FunctionError.class, new Writer()));
    }

    /** The {@code errorType} and {@code errorMessage} Lambda is told, unwrapped from Funqy's wrapper. */
    static String[] unwrapped(String errorType, String errorMessage) {
        if (ApplicationException.class.getName().equals(errorType) && errorMessage != null) {
            Matcher thrown = THROWABLE.matcher(errorMessage);
            if (thrown.matches()) {
                return new String[]{thrown.group(1), thrown.group(2)};
            }
        }
        return new String[]{errorType, errorMessage};
    }

    static final class Writer extends StdSerializer<FunctionError> {

        Writer() {
            super(FunctionError.class);
        }

        @Override
        public void serialize(FunctionError error, JsonGenerator json, SerializerProvider provider) throws IOException {
            String[] reported = unwrapped(error.getErrorType(), error.getErrorMessage());
            json.writeStartObject();
            json.writeStringField("errorType", reported[0]);
            json.writeStringField("errorMessage", reported[1]);
            json.writeEndObject();
        }
    }
}
