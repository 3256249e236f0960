package io.ctf.nativeimage;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import software.amazon.awssdk.http.auth.aws.crt.internal.signer.DefaultAwsCrtV4aHttpSigner;
import software.amazon.awssdk.utils.DependencyValidate;

/**
 * SigV4a signing without aws-crt. {@code http-auth-aws} (shipped with every SDK client) holds a
 * CRT-based SigV4a signer that names aws-crt classes; a client whose auth schemes include SigV4a
 * (EventBridge, for global endpoints; S3 multi-region access points) reaches it through
 * {@code AwsV4aHttpSigner.create()} and this method, and the native build would then fail to link.
 * DynamoDB's and SSM's clients never reach it; this keeps an EventBridge client buildable.
 * <p>
 * Behaves as the JVM does without {@code http-auth-aws-crt}: the SDK's own dependency check throws,
 * saying which module to add; the CRT signer is never created.
 */
@TargetClass(className = "software.amazon.awssdk.http.auth.aws.internal.signer.util.OptionalDependencyLoaderUtil",
        onlyWith = HttpAuthAwsCrtAbsent.class)
final class Target_software_amazon_awssdk_http_auth_aws_internal_signer_util_OptionalDependencyLoaderUtil {

    private Target_software_amazon_awssdk_http_auth_aws_internal_signer_util_OptionalDependencyLoaderUtil() {
    }

    @Substitute
    public static DefaultAwsCrtV4aHttpSigner getDefaultAwsCrtV4aHttpSigner() {
        // The original's first statement, which throws while the module is absent (the only case this substitutes).
        DependencyValidate.requireClass(HttpAuthAwsCrtAbsent.HTTP_AUTH_AWS_CRT, "software.amazon.awssdk:http-auth-aws-crt", "CRT-V4a signing");
        throw new IllegalStateException("CRT-V4a signing needs software.amazon.awssdk:http-auth-aws-crt and aws-crt");
    }
}
