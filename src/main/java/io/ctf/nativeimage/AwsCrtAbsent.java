package io.ctf.nativeimage;

import java.util.function.BooleanSupplier;

/**
 * True while {@code software.amazon.awssdk.crt:aws-crt} is left out: an optional SDK dependency
 * holding a 6 MB native library (a 3.1 MB larger function.zip), which this build never needs.
 */
final class AwsCrtAbsent implements BooleanSupplier {

    /** The classes of aws-crt that the SDK's {@code ChecksumProvider} names. */
    static final String CRC32C = "software.amazon.awssdk.crt.checksums.CRC32C";
    static final String CRC64NVME = "software.amazon.awssdk.crt.checksums.CRC64NVME";
    static final String XXHASH = "software.amazon.awssdk.crt.checksums.XXHash";
    static final String ARTIFACT = "software.amazon.awssdk.crt:aws-crt";

    @Override
    public boolean getAsBoolean() {
        return !ClassPresence.present(CRC64NVME);
    }
}
