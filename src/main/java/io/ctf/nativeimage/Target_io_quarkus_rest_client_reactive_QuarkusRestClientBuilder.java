package io.ctf.nativeimage;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.rest.client.reactive.runtime.QuarkusRestClientBuilderImpl;
import io.quarkus.rest.client.reactive.runtime.RestClientBuilderImpl;

/**
 * Quarkus 3.34.2's {@code QuarkusRestClientBuilder.newBuilder()} tells every
 * {@code RestClientBuilderListener} a {@code ServiceLoader} finds of the new builder: with no provider
 * on the class path, the same builder, without the look-up.
 */
@TargetClass(className = "io.quarkus.rest.client.reactive.QuarkusRestClientBuilder",
        onlyWith = ServiceFilesAbsent.RestClientBuilderListeners.class)
final class Target_io_quarkus_rest_client_reactive_QuarkusRestClientBuilder {

    private Target_io_quarkus_rest_client_reactive_QuarkusRestClientBuilder() {
    }

    @Substitute
    static QuarkusRestClientBuilder newBuilder() {
        return new QuarkusRestClientBuilderImpl(new RestClientBuilderImpl());
    }
}
