package io.ctf.nativeimage;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;

import java.util.Optional;

/**
 * The dynamodb client's partitions (SDK 2.57.8): with no {@code partitions.json} on the class path (the
 * library's look-up then finds none), the partitions compiled into the service, without the look-up
 * on every endpoint resolution ({@link SdkClasspathFiles}).
 */
@TargetClass(className = "software.amazon.awssdk.services.dynamodb.endpoints.internal.DefaultPartitionDataProvider",
        onlyWith = SdkClasspathFiles.PartitionsFileAbsent.class)
final class Target_software_amazon_awssdk_services_dynamodb_endpoints_internal_DefaultPartitionDataProvider {

    private Target_software_amazon_awssdk_services_dynamodb_endpoints_internal_DefaultPartitionDataProvider() {
    }

    @Substitute
    private Optional<?> classpathPartitionsFile() {
        return Optional.empty();
    }
}
