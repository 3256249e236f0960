package io.ctf.lambda;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The credentials every AWS client of the function set is built with. */
public final class AwsCredentials {

    private AwsCredentials() {
    }

    /** On Lambda, the role's credentials from its environment: the one provider needed, no chain to walk. */
    public static AwsCredentialsProvider forLambda() {
        if (System.getenv("AWS_ACCESS_KEY_ID") != null) {
            return EnvironmentVariableCredentialsProvider.create();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** A local stand-in (DynamoDB Local, tests, LocalStack) wants signed requests but checks no credentials. */
    public static AwsCredentialsProvider forLocalEndpoint(boolean local) {
        return local ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")) : forLambda();
    }
}
