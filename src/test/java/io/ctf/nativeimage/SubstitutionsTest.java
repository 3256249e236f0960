package io.ctf.nativeimage;

import com.oracle.svm.core.annotate.Alias;
import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.SdkChecksum;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The substitutions of io.ctf.nativeimage, checked on the JVM: each target class and method exists
 * with the substituted signature in the jars we ship (an SDK or validator upgrade that moves one
 * fails here, not in a native build later), each is switched on exactly while its artifact is
 * absent, and each does what the library's own method does on the JVM without that artifact.
 */
class SubstitutionsTest {

    static final List<Class<?>> SUBSTITUTIONS = List.of(
            Target_com_networknt_schema_serialization_YamlMapperFactory.class,
            Target_software_amazon_awssdk_checksums_internal_ChecksumProvider.class,
            Target_software_amazon_awssdk_http_auth_aws_internal_signer_util_OptionalDependencyLoaderUtil.class,
            Target_software_amazon_awssdk_core_interceptor_ClasspathInterceptorChainFactory.class,
            Target_software_amazon_awssdk_services_dynamodb_endpoints_internal_DefaultPartitionDataProvider.class,
            Target_software_amazon_awssdk_services_eventbridge_endpoints_internal_DefaultPartitionDataProvider.class,
            Target_software_amazon_awssdk_services_ssm_endpoints_internal_DefaultPartitionDataProvider.class,
            Target_software_amazon_awssdk_services_secretsmanager_endpoints_internal_DefaultPartitionDataProvider.class,
            Target_io_quarkus_rest_client_reactive_runtime_RestClientListeners.class,
            Target_io_quarkus_rest_client_reactive_QuarkusRestClientBuilder.class,
            Target_jakarta_json_spi_JsonProvider.class);

    /** The SDK client builders of the services in {@link SdkClasspathFiles#SERVICES}. */
    static final Map<String, String> BUILDERS = Map.of(
            "dynamodb", "software.amazon.awssdk.services.dynamodb.DefaultDynamoDbBaseClientBuilder",
            "eventbridge", "software.amazon.awssdk.services.eventbridge.DefaultEventBridgeBaseClientBuilder",
            "ssm", "software.amazon.awssdk.services.ssm.DefaultSsmBaseClientBuilder",
            "secretsmanager", "software.amazon.awssdk.services.secretsmanager.DefaultSecretsManagerBaseClientBuilder");

    @Test
    void everySubstitutedMethodExistsInItsTargetWithTheSameSignature() throws Exception {
        for (Class<?> substitution : SUBSTITUTIONS) {
            Class<?> target = target(substitution);
            List<Method> substituted = Arrays.stream(substitution.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(Substitute.class)).toList();
            assertThat(substituted).as("%s substitutes something", substitution.getSimpleName()).isNotEmpty();
            List<Method> aliases = Arrays.stream(substitution.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Alias.class)).toList();
            for (Method method : java.util.stream.Stream.concat(substituted.stream(), aliases.stream()).toList()) {
                Method original = target.getDeclaredMethod(method.getName(), method.getParameterTypes());
                assertThat(original.getReturnType()).as("%s return type", original).isEqualTo(method.getReturnType());
                assertThat(Modifier.isStatic(original.getModifiers())).as("%s static", original).isEqualTo(Modifier.isStatic(method.getModifiers()));
            }
        }
    }

    @Test
    void eachSubstitutionIsOnOnlyWhileItsArtifactIsAbsent() {
        // The test class path is the shipped one here: neither artifact is on it (a Quarkus test dependency bringing one would show).
        assertThat(new JacksonYamlAbsent().getAsBoolean()).isTrue();
        assertThat(new AwsCrtAbsent().getAsBoolean()).isTrue();
        assertThat(new HttpAuthAwsCrtAbsent().getAsBoolean()).isTrue();
        assertThat(ClassPresence.present(JacksonYamlAbsent.class.getName())).as("the check itself finds a present class").isTrue();
        assertThat(new SdkClasspathFiles.PartitionsFileAbsent().getAsBoolean()).isTrue();
        assertThat(new ServiceFilesAbsent.RestClientListeners().getAsBoolean()).isTrue();
        assertThat(new ServiceFilesAbsent.RestClientBuilderListeners().getAsBoolean()).isTrue();
        assertThat(new ServiceFilesAbsent.ParssonIsTheOnlyJsonProvider().getAsBoolean()).isTrue();
        for (Class<?> substitution : SUBSTITUTIONS) {
            if (substitution == Target_software_amazon_awssdk_core_interceptor_ClasspathInterceptorChainFactory.class) {
                continue; // always on: it looks up every list that was on the class path (below)
            }
            assertThat(substitution.getAnnotation(TargetClass.class).onlyWith())
                    .as("%s switches itself off when its artifact is there", substitution.getSimpleName())
                    .containsAnyOf(JacksonYamlAbsent.class, AwsCrtAbsent.class, HttpAuthAwsCrtAbsent.class, SdkClasspathFiles.PartitionsFileAbsent.class,
                            ServiceFilesAbsent.RestClientListeners.class, ServiceFilesAbsent.RestClientBuilderListeners.class,
                            ServiceFilesAbsent.ParssonIsTheOnlyJsonProvider.class);
        }
    }

    @Test
    void theYamlMapperIsUnavailableAsOnTheJvmWithoutTheYamlJar() throws Exception {
        Method original = Class.forName("com.networknt.schema.serialization.YamlMapperFactory").getMethod("getInstance");
        Throwable jvm = thrown(() -> original.invoke(null));
        Throwable substituted = catchThrowable(Target_com_networknt_schema_serialization_YamlMapperFactory::getInstance);

        assertThat(jvm).isInstanceOf(NoClassDefFoundError.class).hasMessageContaining("com/fasterxml/jackson/dataformat/yaml/YAMLMapper");
        assertThat(substituted).isInstanceOf(NoClassDefFoundError.class).hasMessage(jvm.getMessage());
    }

    @Test
    void withoutCrtCrc32cIsTheJdksAndCrtOnlyAlgorithmsFailAsOnTheJvm() throws Exception {
        Class<?> provider = target(Target_software_amazon_awssdk_checksums_internal_ChecksumProvider.class);

        assertThat(call(provider, "createCrtCrc32C")).isNull();
        assertThat(Target_software_amazon_awssdk_checksums_internal_ChecksumProvider.createCrtCrc32C()).isNull();

        Throwable jvm = thrown(() -> call(provider, "crc64NvmeCrtImplementation"));
        assertThat(jvm).isInstanceOf(RuntimeException.class).hasMessageContaining("CRC64NVME");
        assertThat(catchThrowable(Target_software_amazon_awssdk_checksums_internal_ChecksumProvider::crc64NvmeCrtImplementation))
                .isExactlyInstanceOf(jvm.getClass()).hasMessage(jvm.getMessage());

        for (ChecksumAlgorithm algorithm : List.of(DefaultChecksumAlgorithm.XXHASH64, DefaultChecksumAlgorithm.XXHASH3, DefaultChecksumAlgorithm.XXHASH128)) {
            Throwable jvmXx = thrown(() -> call(provider, "crtXxHash", algorithm));
            assertThat(jvmXx).isInstanceOf(RuntimeException.class).hasMessageContaining(algorithm.algorithmId());
            assertThat(catchThrowable(() -> Target_software_amazon_awssdk_checksums_internal_ChecksumProvider.crtXxHash(algorithm)))
                    .isExactlyInstanceOf(jvmXx.getClass()).hasMessage(jvmXx.getMessage());
        }

        // What every request checksum then uses: the JDK's CRC32C, no CRT.
        SdkChecksum crc32c = SdkChecksum.forAlgorithm(DefaultChecksumAlgorithm.CRC32C);
        crc32c.update(new byte[]{1, 2, 3});
        assertThat(crc32c.getValue()).isNotZero();
    }

    @Test
    void sigV4aWithoutTheCrtSignerFailsAsOnTheJvm() throws Exception {
        Class<?> loader = target(Target_software_amazon_awssdk_http_auth_aws_internal_signer_util_OptionalDependencyLoaderUtil.class);

        Throwable jvm = thrown(() -> call(loader, "getDefaultAwsCrtV4aHttpSigner"));
        Throwable substituted = catchThrowable(
                Target_software_amazon_awssdk_http_auth_aws_internal_signer_util_OptionalDependencyLoaderUtil::getDefaultAwsCrtV4aHttpSigner);

        assertThat(jvm).isInstanceOf(RuntimeException.class).hasMessageContaining("http-auth-aws-crt");
        assertThat(substituted).isExactlyInstanceOf(jvm.getClass()).hasMessage(jvm.getMessage());
    }

    /** The file names here are the ones the SDK's code asks for: a renamed file would be looked up again. */
    @Test
    void theSdkAsksForTheFilesNamedInSdkClasspathFiles() throws Exception {
        assertThat(BUILDERS.keySet()).containsExactlyInAnyOrderElementsOf(SdkClasspathFiles.SERVICES);
        assertThat(SdkClasspathFiles.interceptorLists()).hasSize(SdkClasspathFiles.SERVICES.size() + 1);
        assertThat(constants("software.amazon.awssdk.core.interceptor.ClasspathInterceptorChainFactory"))
                .contains(SdkClasspathFiles.GLOBAL_INTERCEPTORS);
        for (var service : BUILDERS.entrySet()) {
            assertThat(constants(service.getValue())).as(service.getValue())
                    .contains("software/amazon/awssdk/services/" + service.getKey() + "/execution.interceptors");
            assertThat(constants("software.amazon.awssdk.services." + service.getKey() + ".endpoints.internal.DefaultPartitionDataProvider"))
                    .contains(SdkClasspathFiles.PARTITIONS);
        }
    }

    /** Every AWS service module the pom ships is one whose look-ups are known. */
    @Test
    void everyAwsServiceOfThePomIsInSdkClasspathFiles() throws Exception {
        String pom = java.nio.file.Files.readString(java.nio.file.Path.of("pom.xml"));
        var dependency = java.util.regex.Pattern.compile(
                "<groupId>software\\.amazon\\.awssdk</groupId>\\s*<artifactId>([a-z0-9-]+)</artifactId>");
        var services = new java.util.TreeSet<String>();
        var m = dependency.matcher(pom);
        while (m.find()) {
            if (SubstitutionsTest.class.getClassLoader().getResource("software/amazon/awssdk/services/" + m.group(1) + "/") != null) {
                services.add(m.group(1));
            }
        }
        assertThat(services).containsExactlyInAnyOrderElementsOf(SdkClasspathFiles.SERVICES);
    }

    @Test
    void anInterceptorListAbsentAtBuildTimeIsNoneAsTheLibraryFindsNone() throws Exception {
        // The global list is on no class path of this build (the dynamodb one is, in the provided-scope
        // dynamodb-enhanced of DynamoDB Local, never shipped: the image's class path decides).
        String path = SdkClasspathFiles.GLOBAL_INTERCEPTORS;
        assertThat(SdkClasspathFiles.ABSENT_INTERCEPTOR_LISTS).contains(path);
        assertThat(SdkClasspathFiles.absent(List.of("application.properties", path))).containsExactly(path);

        var library = new software.amazon.awssdk.core.interceptor.ClasspathInterceptorChainFactory();
        assertThat(library.getInterceptors(path)).isEmpty();
        var constructor = Target_software_amazon_awssdk_core_interceptor_ClasspathInterceptorChainFactory.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        Method substituted = Target_software_amazon_awssdk_core_interceptor_ClasspathInterceptorChainFactory.class
                .getDeclaredMethod("createExecutionInterceptorsFromClasspath", String.class);
        substituted.setAccessible(true);
        assertThat((java.util.Collection<?>) substituted.invoke(constructor.newInstance(), path)).isEmpty();
    }

    @Test
    void withoutAPartitionsFileThePartitionsAreTheCompiledOnesAsOnTheJvm() throws Exception {
        for (Class<?> substitution : SUBSTITUTIONS) {
            if (!substitution.getSimpleName().endsWith("DefaultPartitionDataProvider")) {
                continue;
            }
            Class<?> provider = target(substitution);
            var constructor = provider.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object library = constructor.newInstance();
            Method classpathFile = provider.getDeclaredMethod("classpathPartitionsFile");
            classpathFile.setAccessible(true);
            assertThat((java.util.Optional<?>) classpathFile.invoke(library)).as("%s finds no file", provider).isEmpty();
            assertThat(provider.getMethod("loadPartitions").invoke(library)).as("compiled partitions").isNotNull();

            var ours = substitution.getDeclaredConstructor();
            ours.setAccessible(true);
            Method substituted = substitution.getDeclaredMethod("classpathPartitionsFile");
            substituted.setAccessible(true);
            assertThat((java.util.Optional<?>) substituted.invoke(ours.newInstance())).isEmpty();
        }
    }

    @Test
    void withoutListenerProvidersTheRestClientIsBuiltAsOnTheJvm() throws Exception {
        assertThat(ServiceFilesAbsent.RestClientListeners.SERVICE).isEqualTo(org.eclipse.microprofile.rest.client.spi.RestClientListener.class.getName());
        assertThat(ServiceFilesAbsent.RestClientBuilderListeners.SERVICE)
                .isEqualTo(org.eclipse.microprofile.rest.client.spi.RestClientBuilderListener.class.getName());
        // What the service files name is what the library's ServiceLoader reads.
        assertThat(constants("io.quarkus.rest.client.reactive.runtime.RestClientListeners")).contains("org/eclipse/microprofile/rest/client/spi/RestClientListener");
        assertThat(constants("io.quarkus.rest.client.reactive.QuarkusRestClientBuilder")).contains("org/eclipse/microprofile/rest/client/spi/RestClientBuilderListener");

        Class<?> listeners = target(Target_io_quarkus_rest_client_reactive_runtime_RestClientListeners.class);
        assertThat((java.util.Collection<?>) call(listeners, "get")).isEmpty();
        assertThat(Target_io_quarkus_rest_client_reactive_runtime_RestClientListeners.get()).isEmpty();

        Object library = io.quarkus.rest.client.reactive.QuarkusRestClientBuilder.newBuilder();
        Object substituted = Target_io_quarkus_rest_client_reactive_QuarkusRestClientBuilder.newBuilder();
        assertThat(substituted).isExactlyInstanceOf(library.getClass());
        var delegate = library.getClass().getDeclaredField("delegate");
        delegate.setAccessible(true);
        assertThat(delegate.get(substituted)).isExactlyInstanceOf(delegate.get(library).getClass());
    }

    @Test
    void theJsonProviderIsParssonsAsOnTheJvmAndTheSystemPropertyStillPicks() {
        assertThat(jakarta.json.spi.JsonProvider.provider()).isExactlyInstanceOf(org.eclipse.parsson.JsonProviderImpl.class);
        assertThat(Target_jakarta_json_spi_JsonProvider.provider()).isExactlyInstanceOf(org.eclipse.parsson.JsonProviderImpl.class)
                .isNotSameAs(Target_jakarta_json_spi_JsonProvider.provider());
        assertThat(ServiceFilesAbsent.ParssonIsTheOnlyJsonProvider.PARSSON).isEqualTo(org.eclipse.parsson.JsonProviderImpl.class.getName());
        assertThat(ServiceFilesAbsent.ParssonIsTheOnlyJsonProvider.SERVICE).isEqualTo(jakarta.json.spi.JsonProvider.class.getName());
        // With the property set the substitution defers to the library's newInstance (an alias, here unbound).
        System.setProperty(jakarta.json.spi.JsonProvider.JSONP_PROVIDER_FACTORY, org.eclipse.parsson.JsonProviderImpl.class.getName());
        try {
            assertThat(catchThrowable(Target_jakarta_json_spi_JsonProvider::provider)).isInstanceOf(AssertionError.class);
        } finally {
            System.clearProperty(jakarta.json.spi.JsonProvider.JSONP_PROVIDER_FACTORY);
        }
    }

    /** The string constants of a class, as its class file holds them. */
    static String constants(String className) throws java.io.IOException {
        try (var in = SubstitutionsTest.class.getClassLoader().getResourceAsStream(className.replace('.', '/') + ".class")) {
            assertThat(in).as(className).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    static Class<?> target(Class<?> substitution) throws ClassNotFoundException {
        TargetClass target = substitution.getAnnotation(TargetClass.class);
        assertThat(target).as("%s is a @TargetClass", substitution).isNotNull();
        assertThat(target.className()).isNotEmpty();
        return Class.forName(target.className(), false, SubstitutionsTest.class.getClassLoader());
    }

    static Object call(Class<?> type, String name, Object... args) throws Exception {
        Method method = Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
        method.setAccessible(true);
        return method.invoke(null, args);
    }

    static Throwable thrown(Callable<?> call) {
        Throwable t = catchThrowable(call::call);
        return t instanceof InvocationTargetException invocation ? invocation.getCause() : t;
    }
}
