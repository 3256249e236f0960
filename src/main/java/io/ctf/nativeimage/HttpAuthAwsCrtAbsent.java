package io.ctf.nativeimage;

import java.util.function.BooleanSupplier;

/**
 * True while {@code software.amazon.awssdk:http-auth-aws-crt} (the CRT SigV4a signer's entry point,
 * which needs aws-crt) is left out; the SDK itself asks for this class before signing with SigV4a.
 */
final class HttpAuthAwsCrtAbsent implements BooleanSupplier {

    static final String HTTP_AUTH_AWS_CRT = "software.amazon.awssdk.http.auth.aws.crt.HttpAuthAwsCrt";

    @Override
    public boolean getAsBoolean() {
        return !ClassPresence.present(HTTP_AUTH_AWS_CRT) || !ClassPresence.present(AwsCrtAbsent.CRC64NVME);
    }
}
