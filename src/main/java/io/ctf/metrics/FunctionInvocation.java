package io.ctf.metrics;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On every {@code @Funq} method: the invocation's log lines carry {@code functionName} (MDC), and
 * its metrics are written once when it ends ({@link FunctionInvocationInterceptor}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface FunctionInvocation {
}
