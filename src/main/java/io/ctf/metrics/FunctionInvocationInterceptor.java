package io.ctf.metrics;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.jboss.logging.MDC;

/** See {@link FunctionInvocation}. The function's name is its method's, which every {@code @Funq} name equals. */
@FunctionInvocation
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class FunctionInvocationInterceptor {

    public static final String FUNCTION_NAME_MDC = "functionName";

    @Inject
    Metrics metrics;

    @AroundInvoke
    Object invoke(InvocationContext invocation) throws Exception {
        boolean outermost = metrics.begin();
        if (outermost) {
            MDC.put(FUNCTION_NAME_MDC, invocation.getMethod().getName());
        }
        try {
            return invocation.proceed();
        } finally {
            if (outermost) {
                metrics.end();
                MDC.remove(FUNCTION_NAME_MDC);
            }
        }
    }
}
