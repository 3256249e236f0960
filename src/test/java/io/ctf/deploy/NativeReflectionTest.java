package io.ctf.deploy;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.RecordComponentInfo;
import org.jboss.jandex.Type;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the native build needs, checked without building it (no GraalVM here): every type of ours
 * that Jackson reads or writes — a function's input and output, the REST client's bodies, and
 * whatever they contain, plus any class carrying a Jackson annotation — is registered for
 * reflection, so the native binary (de)serialises exactly as the JVM build does.
 */
class NativeReflectionTest {

    static final DotName FUNQ = DotName.createSimple("io.quarkus.funqy.Funq");
    static final DotName REST_CLIENT = DotName.createSimple("org.eclipse.microprofile.rest.client.inject.RegisterRestClient");
    static final DotName REGISTER = DotName.createSimple("io.quarkus.runtime.annotations.RegisterForReflection");
    static final String OURS = "io.ctf.";

    static Index index;

    @BeforeAll
    static void indexTheBuild() throws IOException {
        Indexer indexer = new Indexer();
        try (Stream<Path> classes = Files.walk(Path.of("target/classes"))) {
            for (Path c : (Iterable<Path>) classes.filter(p -> p.toString().endsWith(".class"))::iterator) {
                try (InputStream in = Files.newInputStream(c)) {
                    indexer.index(in);
                }
            }
        }
        index = indexer.complete();
    }

    @Test
    void everyTypeJacksonTouchesIsRegisteredForReflection() {
        Set<DotName> serialised = serialisedTypes();
        assertThat(serialised).as("found the functions' and the REST client's types")
                .contains(DotName.createSimple("io.ctf.lambda.HttpApiEvent"), DotName.createSimple("io.ctf.composio.WebhookSubscription"));

        Set<String> unregistered = new TreeSet<>();
        for (DotName name : serialised) {
            ClassInfo type = index.getClassByName(name);
            if (type != null && !type.isEnum() && !type.isInterface() && type.declaredAnnotation(REGISTER) == null) {
                unregistered.add(name.toString());
            }
        }
        assertThat(unregistered).as("types Jackson reads or writes without @RegisterForReflection").isEmpty();
    }

    /**
     * The Lambda poll loop (the native runtime) writes every failed invocation as Quarkus's
     * {@code FunctionError}; registered for its constructors only (Quarkus 3.34.2), a native binary
     * cannot serialise it, never reports the error and hangs. Its fields and methods must be registered.
     */
    @Test
    void thePollLoopsFunctionErrorIsRegisteredWithFieldsAndMethods() throws Exception {
        String functionError = "io.quarkus.amazon.lambda.runtime.FunctionError";
        List<AnnotationInstance> registrations = index.getAnnotations(REGISTER).stream()
                .filter(r -> r.value("targets") != null && Arrays.stream(r.value("targets").asClassArray())
                        .anyMatch(t -> t.name().toString().equals(functionError)))
                .toList();
        assertThat(registrations).as("@RegisterForReflection(targets = %s)", functionError).isNotEmpty()
                .allSatisfy(r -> {
                    // Both default to true; neither may be switched off.
                    assertThat(r.value("fields") == null || r.value("fields").asBoolean()).as("fields").isTrue();
                    assertThat(r.value("methods") == null || r.value("methods").asBoolean()).as("methods").isTrue();
                });

        // What the registration makes visible is what Jackson needs: the two properties, through getters.
        var error = Class.forName(functionError).getConstructor(String.class, String.class).newInstance("SomeType", "some message");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(error))
                .isEqualTo("{\"errorType\":\"SomeType\",\"errorMessage\":\"some message\"}");
    }

    static Set<DotName> serialisedTypes() {
        Deque<Type> pending = new ArrayDeque<>();
        for (AnnotationInstance funq : index.getAnnotations(FUNQ)) {
            MethodInfo method = funq.target().asMethod();
            pending.add(method.returnType());
            method.parameterTypes().forEach(pending::add);
        }
        for (AnnotationInstance client : index.getAnnotations(REST_CLIENT)) {
            for (MethodInfo method : client.target().asClass().methods()) {
                pending.add(method.returnType());
                method.parameterTypes().forEach(pending::add);
            }
        }
        for (ClassInfo type : index.getKnownClasses()) {
            boolean jacksonAnnotated = type.annotations().stream()
                    .anyMatch(a -> a.name().toString().startsWith("com.fasterxml.jackson.annotation."));
            if (jacksonAnnotated && type.name().toString().startsWith(OURS)) {
                pending.add(Type.create(type.name(), Type.Kind.CLASS));
            }
        }

        Set<DotName> found = new TreeSet<>();
        while (!pending.isEmpty()) {
            Type type = pending.pop();
            switch (type.kind()) {
                case ARRAY -> pending.add(type.asArrayType().constituent());
                case PARAMETERIZED_TYPE -> {
                    type.asParameterizedType().arguments().forEach(pending::add);
                    pending.add(Type.create(type.name(), Type.Kind.CLASS));
                }
                case CLASS -> {
                    if (type.name().toString().startsWith(OURS) && found.add(type.name())) {
                        ClassInfo info = index.getClassByName(type.name());
                        if (info != null && info.isRecord()) {
                            for (RecordComponentInfo component : info.recordComponents()) {
                                pending.add(component.type());
                            }
                        }
                    }
                }
                default -> {
                }
            }
        }
        return found;
    }
}
