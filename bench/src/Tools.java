import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The RIC's jars and its JNI library, unpacked once (as Lambda does) instead of into /tmp by each process. */
final class Tools {
    final Path ricDir;
    final String ricClasspath;
    final Path ricJni;

    Tools(Options o) throws IOException {
        ricDir = o.tools.resolve("ric");
        try (Stream<Path> jars = Files.list(ricDir)) {
            List<Path> list = jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            ricClasspath = list.stream().map(Path::toString).collect(Collectors.joining(":"));
            Path ric = list.stream().filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no runtime interface client in " + ricDir));
            String arch = System.getProperty("os.arch").contains("aarch64") ? "aarch_64" : "x86_64";
            String lib = "libaws-lambda-jni.linux-" + arch + ".so";
            ricJni = o.tools.resolve("ric-jni").resolve(lib);
            if (!Files.exists(ricJni)) {
                Files.createDirectories(ricJni.getParent());
                try (var zip = new java.util.zip.ZipFile(ric.toFile())) {
                    try (InputStream in = zip.getInputStream(zip.getEntry("jni/" + lib))) {
                        Files.copy(in, ricJni);
                    }
                }
            }
        }
    }
}
