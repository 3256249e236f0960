package io.ctf.nativeimage;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No class of the packaged function (target/function.zip: the classes the native image is built
 * from) uses an artifact the build leaves out, except through code the native build never reaches.
 * Quarkus passes {@code --link-at-build-time}, so a reachable method naming a missing class fails the
 * native build; this finds such methods by reading the bytecode, without native-image.
 * <p>
 * A method that names a left-out artifact is accepted when it is substituted by io.ctf.nativeimage,
 * when it is on {@link #UNREACHABLE} (with the reason), or when its class can never run: only
 * accepted methods create it, call its static methods or use its static fields (e.g. the holder
 * that only a substituted method used). Every class nothing in the zip sets running is assumed
 * reachable (reflection, ServiceLoader), so this errs on the safe side of native-image's analysis.
 * Leaving out a substitution makes this fail on the very methods the native build failed on. Every pom exclusion must say
 * which packages it removes ({@link #EXCLUDED}), so a new exclusion is checked too.
 */
// The JVM zip only, as the other JVM-artifact ITs: a native zip holds no bytecode, and native-image's
// own analysis (--link-at-build-time) made this very check to build it.
@EnabledIf("io.ctf.deploy.PackagedFunction#jvmArtifactBuilt")
class AbsentArtifactsIT {

    /** Each artifact left out (pom exclusions, and the SDK's optional aws-crt) and the packages it would bring. */
    static final Map<String, String> EXCLUDED = new LinkedHashMap<>();

    static {
        EXCLUDED.put("com.fasterxml.jackson.dataformat:jackson-dataformat-yaml", "com/fasterxml/jackson/dataformat/yaml/");
        EXCLUDED.put("software.amazon.awssdk:netty-nio-client", "software/amazon/awssdk/http/nio/netty/");
        EXCLUDED.put("software.amazon.awssdk:apache-client", "software/amazon/awssdk/http/apache/");
        EXCLUDED.put("software.amazon.awssdk:apache5-client", "software/amazon/awssdk/http/apache5/");
        EXCLUDED.put("io.netty:netty-codec-haproxy", "io/netty/handler/codec/haproxy/");
        EXCLUDED.put("io.smallrye.reactive:vertx-mutiny-generator", "io/smallrye/mutiny/vertx/codegen/");
        EXCLUDED.put("io.vertx:vertx-codegen", "io/vertx/codegen/");
        // Not excluded but optional in the SDK, and kept out (6 MB native library): see AwsCrtAbsent.
        EXCLUDED.put("software.amazon.awssdk.crt:aws-crt", "software/amazon/awssdk/crt/");
    }

    /** Methods ({@code class#method}) that name a left-out artifact but are never reached here, and why. */
    static final Map<String, String> UNREACHABLE = Map.of(
            "io/vertx/core/http/impl/HttpServerWorker#*",
            "Vert.x HTTP server with the PROXY protocol: the functions start no HTTP server (Lambda's poll loop is a client)",
            "io/vertx/core/net/impl/NetServerImpl$NetServerWorker#*",
            "Vert.x TCP server with the PROXY protocol: no server is started");

    static final Map<String, byte[]> classes = new HashMap<>();
    /** class#method -> the classes it names in its body or descriptor. */
    static final Map<String, Set<String>> references = new HashMap<>();
    /**
     * class#method -> the classes whose code it can set running: it creates one, calls a static
     * method, touches a static field, takes its Class (reflection), or, for {@code class#<supertypes>},
     * extends it. Calling an instance method needs an instance, so it does not count.
     */
    static final Map<String, Set<String>> activations = new HashMap<>();

    @BeforeAll
    static void readTheFunction() throws IOException {
        try (InputStream zip = Files.newInputStream(Path.of("target/function.zip"))) {
            read(zip);
        }
        classes.forEach((name, bytes) -> new ClassReader(bytes).accept(new References(), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES));
    }

    @Test
    void everyPomExclusionSaysWhichPackagesItRemoves() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList exclusions = pom.getElementsByTagName("exclusion");
        Set<String> excluded = new TreeSet<>();
        for (int i = 0; i < exclusions.getLength(); i++) {
            Element exclusion = (Element) exclusions.item(i);
            excluded.add(text(exclusion, "groupId") + ":" + text(exclusion, "artifactId"));
        }
        assertThat(excluded).isNotEmpty();
        assertThat(EXCLUDED.keySet()).as("add each new exclusion's packages to EXCLUDED").containsAll(excluded);
        for (String prefix : EXCLUDED.values()) {
            assertThat(classes.keySet()).as("left out, so not in function.zip: %s", prefix).noneMatch(c -> c.startsWith(prefix));
        }
    }

    @Test
    void noReachableMethodNamesALeftOutArtifact() {
        Set<String> substituted = substitutedMethods();
        Set<String> accepted = new HashSet<>(substituted);
        references.keySet().stream().filter(AbsentArtifactsIT::declaredUnreachable).forEach(accepted::add);

        // Which classes can run at all: those nothing in the zip sets running (entry points, reflection,
        // ServiceLoader: assumed live), and whatever a live class's methods, other than the accepted, set running.
        Map<String, Set<String>> activatedBy = new HashMap<>();
        activations.forEach((method, activated) -> activated.forEach(t -> activatedBy.computeIfAbsent(t, x -> new HashSet<>()).add(method)));
        Map<String, Set<String>> methodsOf = new HashMap<>();
        references.keySet().forEach(m -> methodsOf.computeIfAbsent(owner(m), x -> new HashSet<>()).add(m));
        Set<String> live = new HashSet<>();
        var pending = new java.util.ArrayDeque<String>();
        classes.keySet().stream().filter(c -> !activatedBy.containsKey(c)).forEach(pending::add);
        while (!pending.isEmpty()) {
            String type = pending.pop();
            if (!live.add(type)) {
                continue;
            }
            for (String method : methodsOf.getOrDefault(type, Set.of())) {
                if (!accepted.contains(method)) {
                    activations.getOrDefault(method, Set.of()).stream().filter(classes::containsKey).forEach(pending::add);
                }
            }
        }

        Map<String, Set<String>> unresolved = new TreeMap<>();
        references.forEach((method, named) -> {
            for (String type : named) {
                for (var artifact : EXCLUDED.entrySet()) {
                    if (type.startsWith(artifact.getValue()) && live.contains(owner(method)) && !accepted.contains(method)) {
                        unresolved.computeIfAbsent(artifact.getKey(), a -> new TreeSet<>()).add(method + " -> " + type);
                    }
                }
            }
        });
        assertThat(unresolved)
                .as("methods naming a left-out artifact: substitute them in io.ctf.nativeimage, keep the artifact, or say on UNREACHABLE why the native build never reaches them")
                .isEmpty();
        assertThat(substituted).as("the substitutions are found and still needed").isNotEmpty()
                .allSatisfy(method -> assertThat(references).containsKey(method));
        for (String entry : UNREACHABLE.keySet()) {
            assertThat(references.keySet()).as("UNREACHABLE entry still matches something: %s", entry)
                    .anyMatch(method -> matches(entry, method));
        }
    }

    static Set<String> substitutedMethods() {
        Set<String> methods = new TreeSet<>();
        for (Class<?> substitution : SubstitutionsTest.SUBSTITUTIONS) {
            String target = substitution.getAnnotation(TargetClass.class).className().replace('.', '/');
            Arrays.stream(substitution.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Substitute.class))
                    .forEach(m -> methods.add(target + "#" + m.getName() + Type.getMethodDescriptor(m)));
        }
        return methods;
    }

    static boolean declaredUnreachable(String method) {
        return UNREACHABLE.keySet().stream().anyMatch(entry -> matches(entry, method));
    }

    static boolean matches(String entry, String method) {
        return entry.endsWith("#*") ? owner(method).equals(entry.substring(0, entry.length() - 2)) : method.startsWith(entry);
    }

    static String owner(String method) {
        return method.substring(0, method.indexOf('#'));
    }

    static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent().trim();
    }

    /** The zip's classes, and those of the jars inside it (lib/function-libs.jar). */
    static void read(InputStream in) throws IOException {
        var zip = new ZipInputStream(in);
        for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
            String name = entry.getName();
            if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                classes.putIfAbsent(name.substring(0, name.length() - ".class".length()), zip.readAllBytes());
            } else if (name.endsWith(".jar")) {
                read(new ByteArrayInputStream(zip.readAllBytes()));
            }
        }
    }

    /** What each method names: owners and descriptors of what it calls, reads, creates, casts or catches. */
    static final class References extends ClassVisitor {

        private String owner;

        References() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            owner = name;
            Set<String> supertypes = new HashSet<>();
            if (superName != null) {
                supertypes.add(superName);
            }
            if (interfaces != null) {
                supertypes.addAll(Arrays.asList(interfaces));
            }
            references.put(owner + "#<supertypes>", supertypes);
            activations.put(owner + "#<supertypes>", supertypes);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            String method = owner + "#" + name + descriptor;
            Set<String> named = references.computeIfAbsent(method, m -> new HashSet<>());
            Set<String> activated = activations.computeIfAbsent(method, m -> new HashSet<>());
            addDescriptor(named, descriptor);
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitTypeInsn(int opcode, String type) {
                    addType(named, Type.getObjectType(type));
                    if (opcode == Opcodes.NEW) {
                        addType(activated, Type.getObjectType(type));
                    }
                }

                @Override
                public void visitFieldInsn(int opcode, String fieldOwner, String field, String fieldDescriptor) {
                    addType(named, Type.getObjectType(fieldOwner));
                    addType(named, Type.getType(fieldDescriptor));
                    if (opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC) {
                        addType(activated, Type.getObjectType(fieldOwner));
                    }
                }

                @Override
                public void visitMethodInsn(int opcode, String methodOwner, String called, String methodDescriptor, boolean isInterface) {
                    addType(named, Type.getObjectType(methodOwner));
                    addDescriptor(named, methodDescriptor);
                    if (opcode == Opcodes.INVOKESTATIC) {
                        addType(activated, Type.getObjectType(methodOwner));
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String called, String methodDescriptor, Handle bootstrap, Object... arguments) {
                    addDescriptor(named, methodDescriptor);
                    for (Object argument : arguments) {
                        if (argument instanceof Handle handle) {
                            addType(named, Type.getObjectType(handle.getOwner()));
                            if (handle.getTag() <= Opcodes.H_PUTSTATIC) {
                                addType(named, Type.getType(handle.getDesc()));
                            } else {
                                addDescriptor(named, handle.getDesc());
                            }
                            addType(activated, Type.getObjectType(handle.getOwner()));
                        }
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof Type type && type.getSort() != Type.METHOD) {
                        addType(named, type);
                        addType(activated, type);
                    }
                }

                @Override
                public void visitTryCatchBlock(org.objectweb.asm.Label start, org.objectweb.asm.Label end, org.objectweb.asm.Label handler, String type) {
                    if (type != null) {
                        addType(named, Type.getObjectType(type));
                    }
                }
            };
        }

        static void addDescriptor(Set<String> named, String descriptor) {
            Type method = Type.getMethodType(descriptor);
            addType(named, method.getReturnType());
            Arrays.stream(method.getArgumentTypes()).forEach(t -> addType(named, t));
        }

        static void addType(Set<String> named, Type type) {
            while (type.getSort() == Type.ARRAY) {
                type = type.getElementType();
            }
            if (type.getSort() == Type.OBJECT) {
                named.add(type.getInternalName());
            }
        }
    }
}
