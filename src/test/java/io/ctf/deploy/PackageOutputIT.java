package io.ctf.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What {@code ./mvnw package} leaves in target/ for a deploy: the function.zip template.yaml deploys,
 * and not Quarkus's example deployment (one function, Funqy's handler) that someone could take for it.
 */
class PackageOutputIT {

    static final Path TARGET = Path.of("target");

    @Test
    void targetHoldsTheFunctionZipAndNoOtherDeployment() {
        assumeTrue(Files.isRegularFile(TARGET.resolve("function.zip")), "not packaged");
        for (String generated : List.of("sam.jvm.yaml", "sam.native.yaml", "manage.sh", "bootstrap-example.sh")) {
            assertThat(TARGET.resolve(generated)).as("Quarkus's %s is not this deployment (template.yaml is)", generated)
                    .doesNotExist();
        }
    }
}
