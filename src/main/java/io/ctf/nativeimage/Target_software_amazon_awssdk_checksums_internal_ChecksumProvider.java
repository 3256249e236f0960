package io.ctf.nativeimage;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import software.amazon.awssdk.checksums.SdkChecksum;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;

/**
 * The SDK's checksum choice (SDK 2.57.8, {@code software.amazon.awssdk:checksums}) without aws-crt.
 * Every SDK client reaches {@code ChecksumProvider} (flexible checksums), and three of its methods
 * name aws-crt classes; with aws-crt absent native-image's build-time linking fails on them
 * ({@code CRC64NVME} via {@code SdkChecksum.forAlgorithm}). The JVM build asks a {@code Lazy}
 * whether aws-crt is there; here the answer is "no", fixed at build time, which is what each
 * method then does on the JVM (Quarkiverse's {@code CrtSubstitutions} do the same for an older SDK's class).
 * Adding aws-crt back would put its 6 MB native library into function.zip.
 */
@TargetClass(className = "software.amazon.awssdk.checksums.internal.ChecksumProvider", onlyWith = AwsCrtAbsent.class)
final class Target_software_amazon_awssdk_checksums_internal_ChecksumProvider {

    private Target_software_amazon_awssdk_checksums_internal_ChecksumProvider() {
    }

    /** No CRT CRC32C: {@code crc32cImplementation()} keeps the JDK's {@code java.util.zip.CRC32C}. */
    @Substitute
    static SdkChecksum createCrtCrc32C() {
        return null;
    }

    /** CRC64NVME exists only in aws-crt: asked for, it fails as on the JVM. */
    @Substitute
    static SdkChecksum crc64NvmeCrtImplementation() {
        throw new RuntimeException("Could not load " + AwsCrtAbsent.CRC64NVME + ". Add dependency on '"
                + AwsCrtAbsent.ARTIFACT + "' module to enable CRC64NVME feature.");
    }

    /** The XXHash family exists only in aws-crt (the SDK's {@code XxHashChecksum} wraps it). */
    @Substitute
    static SdkChecksum crtXxHash(ChecksumAlgorithm algorithm) {
        throw new RuntimeException(String.format("Could not load %s for algorithm: %s. Add dependency on '%s' module.",
                AwsCrtAbsent.XXHASH, algorithm.algorithmId(), AwsCrtAbsent.ARTIFACT));
    }
}
