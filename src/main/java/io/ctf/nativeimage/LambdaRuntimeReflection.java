package io.ctf.nativeimage;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The Lambda poll loop (the native runtime) writes a failed invocation as
 * {@code io.quarkus.amazon.lambda.runtime.FunctionError} with Jackson. Quarkus 3.34.2 registers that
 * class for its constructors only, so in a native binary Jackson finds no properties, the error is
 * never posted, the application stops and the process hangs until Lambda's timeout (billed). Its
 * getters and fields make it serialisable. The JVM needs none of this.
 */
@RegisterForReflection(targets = io.quarkus.amazon.lambda.runtime.FunctionError.class, fields = true, methods = true)
final class LambdaRuntimeReflection {

    private LambdaRuntimeReflection() {
    }
}
