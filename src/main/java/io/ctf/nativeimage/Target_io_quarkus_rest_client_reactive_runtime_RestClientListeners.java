package io.ctf.nativeimage;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

import java.util.ArrayList;
import java.util.Collection;

/**
 * Quarkus 3.34.2's REST client asks a {@code ServiceLoader} for {@code RestClientListener}s each time
 * it builds a client (the Composio client, on a function's first call): with no provider on the class
 * path, none, without the look-up.
 */
@TargetClass(className = "io.quarkus.rest.client.reactive.runtime.RestClientListeners",
        onlyWith = ServiceFilesAbsent.RestClientListeners.class)
final class Target_io_quarkus_rest_client_reactive_runtime_RestClientListeners {

    private Target_io_quarkus_rest_client_reactive_runtime_RestClientListeners() {
    }

    @Substitute
    static Collection<RestClientListener> get() {
        return new ArrayList<>();
    }
}
