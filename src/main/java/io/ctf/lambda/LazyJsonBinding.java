package io.ctf.lambda;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Jackson builds a type's (de)serializer when it is first used, not when a reader or writer for it
 * is created. Funqy's Lambda binding creates a reader and a writer for the input and output of
 * every {@code @Funq} function of the build at start-up, although a Lambda runs only the one named
 * by {@code QUARKUS_FUNQY_EXPORT}: with Jackson's eager fetching each function's types were
 * introspected (and their classes loaded) at every cold start. The mapper Funqy uses is a copy of
 * this one. Nothing changes in what is read or written.
 */
@Singleton
public class LazyJsonBinding implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.EAGER_DESERIALIZER_FETCH);
        mapper.disable(SerializationFeature.EAGER_SERIALIZER_FETCH);
    }
}
