package io.ctf.nativeimage;

import com.oracle.svm.core.annotate.Alias;
import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import jakarta.json.spi.JsonProvider;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * {@code JsonProvider.provider()} (jakarta.json-api 2.1) runs a {@code ServiceLoader} pass on every
 * call, and quarkus-logging-json's formatter calls it twice per log handler at start-up: eight passes,
 * about 7.7M instructions (2 to 3 ms) of every native cold start. While Parsson's provider is the only
 * one the class path names, each pass would make a new one of those: so does this, without the pass.
 * The {@code jakarta.json.provider} system property still picks another, as in the library.
 */
@TargetClass(className = "jakarta.json.spi.JsonProvider", onlyWith = ServiceFilesAbsent.ParssonIsTheOnlyJsonProvider.class)
final class Target_jakarta_json_spi_JsonProvider {

    private Target_jakarta_json_spi_JsonProvider() {
    }

    @Alias
    private static JsonProvider newInstance(String className) {
        throw new AssertionError("an alias");
    }

    @Substitute
    public static JsonProvider provider() {
        String configured = System.getProperty(JsonProvider.JSONP_PROVIDER_FACTORY);
        return configured != null ? newInstance(configured) : new JsonProviderImpl();
    }
}
