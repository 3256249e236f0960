package io.ctf.nativeimage;

import com.oracle.svm.core.annotate.Alias;
import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.io.IOException;
import java.net.URL;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The SDK's execution-interceptor lists (SDK 2.57.8, {@code sdk-core}), which every client builder
 * looks up on the class path twice, the global list and its service's: a list that was not on the
 * class path when the image was built is none (the library's own answer for a missing file), without
 * the look-up; any other path is looked up as the library does ({@link SdkClasspathFiles}).
 */
@TargetClass(className = "software.amazon.awssdk.core.interceptor.ClasspathInterceptorChainFactory")
final class Target_software_amazon_awssdk_core_interceptor_ClasspathInterceptorChainFactory {

    private Target_software_amazon_awssdk_core_interceptor_ClasspathInterceptorChainFactory() {
    }

    @Alias
    private ClassLoader classLoader() {
        throw new AssertionError("an alias");
    }

    @Alias
    private Stream<ExecutionInterceptor> createExecutionInterceptorsFromResources(Enumeration<URL> resources) {
        throw new AssertionError("an alias");
    }

    @Substitute
    private Collection<ExecutionInterceptor> createExecutionInterceptorsFromClasspath(String path) {
        if (SdkClasspathFiles.ABSENT_INTERCEPTOR_LISTS.contains(path)) {
            return List.of();
        }
        // The library's own body (keyed by simple class name: the first of two same-named interceptors wins).
        try {
            return createExecutionInterceptorsFromResources(classLoader().getResources(path))
                    .collect(Collectors.toMap(p -> p.getClass().getSimpleName(), p -> p, (p1, p2) -> p1)).values();
        } catch (IOException e) {
            throw SdkClientException.builder().message("Unable to instantiate execution interceptor chain.").cause(e).build();
        }
    }
}
