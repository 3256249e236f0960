package io.ctf.lambda;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.runtime.ImageMode;
import jakarta.inject.Singleton;

/**
 * Jackson builds a type's (de)serializer when it is first used, not when a reader or writer for it
 * is created. Funqy's Lambda binding creates a reader and a writer for the input and output of
 * every {@code @Funq} function of the build at start-up, although a Lambda runs only the one named
 * by {@code QUARKUS_FUNQY_EXPORT}: with Jackson's eager fetching each function's types were
 * introspected (and their classes loaded) at every cold start. The mapper Funqy uses is a copy of
 * this one. Nothing changes in what is read or written.
 * <p>
 * Not in a native build: there Quarkus's static init, Funqy's readers and writers with it, runs while
 * the image is built, so eager fetching builds every function's (de)serializers into the image heap
 * instead, and no cold start pays for them (see io.ctf.nativeimage.JsonPriming for the rest).
 */
@Singleton
public class LazyJsonBinding implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        if (ImageMode.current() == ImageMode.NATIVE_BUILD) {
            return;
        }
        mapper.disable(DeserializationFeature.EAGER_DESERIALIZER_FETCH);
        mapper.disable(SerializationFeature.EAGER_SERIALIZER_FETCH);
    }
}
