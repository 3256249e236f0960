package io.ctf.lambda;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * An invocation with no payload at all ({@code aws lambda invoke} without {@code --payload}) reads
 * as JSON {@code null}, so a function's input is null and {@link JsonInput} names the missing field.
 * Funqy's own event-source handling used to do this as a side effect of reading every input as a
 * tree; it is off (publishEvents reads the DynamoDB stream batch itself, see application.properties),
 * and Funqy's plain reader would otherwise fail with Jackson's "No content to map". Only an empty
 * stream is touched; the mapper Funqy uses is a copy of this one, decorator included.
 */
@Singleton
public class EmptyInputIsNull implements ObjectMapperCustomizer {

    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setInputDecorator(new InputDecorator() {
            @Override
            public InputStream decorate(IOContext context, InputStream in) throws IOException {
                PushbackInputStream peek = new PushbackInputStream(in, 1);
                int first = peek.read();
                if (first < 0) {
                    return new ByteArrayInputStream(NULL);
                }
                peek.unread(first);
                return peek;
            }

            @Override
            public InputStream decorate(IOContext context, byte[] src, int offset, int length) {
                return null; // unchanged
            }

            @Override
            public Reader decorate(IOContext context, Reader reader) {
                return reader;
            }
        });
    }
}
