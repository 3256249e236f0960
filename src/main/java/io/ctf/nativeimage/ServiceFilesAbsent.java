package io.ctf.nativeimage;

import java.io.IOException;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Whether no {@code META-INF/services} file on the image's class path registers a provider of a
 * service interface: then a {@code ServiceLoader} for it finds none, and a substitution can say so
 * without the look-up, which in a native image costs about 1.8M instructions (0.5 ms) per
 * {@code ServiceLoader} pass (native-image checks every module of the image for the file).
 */
abstract class ServiceFilesAbsent implements BooleanSupplier {

    private final String service;

    ServiceFilesAbsent(String service) {
        this.service = service;
    }

    @Override
    public boolean getAsBoolean() {
        return !ClassPresence.resourcePresent("META-INF/services/" + service);
    }

    /** MicroProfile REST Client's {@code RestClientListener}: told of every REST client built. */
    static final class RestClientListeners extends ServiceFilesAbsent {
        static final String SERVICE = "org.eclipse.microprofile.rest.client.spi.RestClientListener";

        RestClientListeners() {
            super(SERVICE);
        }
    }

    /** MicroProfile REST Client's {@code RestClientBuilderListener}: told of every REST client builder made. */
    static final class RestClientBuilderListeners extends ServiceFilesAbsent {
        static final String SERVICE = "org.eclipse.microprofile.rest.client.spi.RestClientBuilderListener";

        RestClientBuilderListeners() {
            super(SERVICE);
        }
    }

    /**
     * Not a file's absence but its content: whether the only {@code jakarta.json.spi.JsonProvider} the
     * class path's service files name is Parsson's, the API's default, so that
     * {@code JsonProvider.provider()} always makes one of those.
     */
    static final class ParssonIsTheOnlyJsonProvider implements BooleanSupplier {
        static final String SERVICE = "jakarta.json.spi.JsonProvider";
        static final String PARSSON = "org.eclipse.parsson.JsonProviderImpl";

        @Override
        public boolean getAsBoolean() {
            try {
                return ClassPresence.serviceProviders(SERVICE).equals(Set.of(PARSSON));
            } catch (IOException e) {
                return false;
            }
        }
    }
}
