import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bench's command line: bench/run.sh passes on the options given after it. */
final class Options {
    Path bench = Path.of("bench");
    Path zip = Path.of("target/function.zip");
    Path nativeZip;
    Path baselineNativeZip;
    /** The bare echo built with the project's extensions (issue 17's yardstick), JVM and native. */
    Path extensionsZip;
    Path extensionsNativeZip;
    /** A peer written for another runtime (its properties and its zip), measured beside the function it names. */
    Path peerProps;
    Path peerZip;
    Path baselineZip = Path.of("bench/baseline/target/function.zip");
    Path baselineProps = Path.of("bench/baseline/bench.properties");
    Path functions = Path.of("bench/functions");
    Path work = Path.of("target/bench");
    Path tools = Path.of("target/bench/tools");
    Path out = Path.of("bench/results/latest.md");
    List<String> only = List.of();
    Map<String, String> variants = new LinkedHashMap<>();
    int runs = 7;
    int invocations = 1000;
    int memoryMb = 256;
    String wiremockVersion = "3.13.2";
    String java = ProcessHandle.current().info().command().orElse("java");
    String node = "node";
    String jvmOptions;
    /** /proc/loadavg when the runs began and when they ended: how busy the shared machine was. */
    String loadAtStart = "?";
    String loadAtEnd = "?";
    String javaToolOptions;
    String nativeOptions;
    /** The last run's warm invocations taken in turns across the targets ({@code --warm interleaved}) rather than target by target. */
    boolean warmInterleaved;
    /** Only the native targets: no JVM runs, whose JIT threads (and the stubs' after them) share the cores. */
    boolean nativeOnly;
    /** Rounds of every target before the recorded ones, not recorded. */
    int warmupRuns;

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i += 2) {
            String k = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            if (v == null) {
                throw new IllegalArgumentException("no value for " + k);
            }
            switch (k) {
                case "--bench" -> o.bench = Path.of(v);
                case "--zip" -> o.zip = Path.of(v);
                case "--native-zip" -> o.nativeZip = v.isBlank() ? null : Path.of(v);
                case "--baseline-zip" -> o.baselineZip = Path.of(v);
                case "--baseline-native-zip" -> o.baselineNativeZip = v.isBlank() ? null : Path.of(v);
                case "--extensions-zip" -> o.extensionsZip = v.isBlank() ? null : Path.of(v);
                case "--extensions-native-zip" -> o.extensionsNativeZip = v.isBlank() ? null : Path.of(v);
                case "--peer" -> o.peerProps = v.isBlank() ? null : Path.of(v);
                case "--peer-zip" -> o.peerZip = v.isBlank() ? null : Path.of(v);
                case "--node" -> o.node = v;
                case "--baseline" -> o.baselineProps = Path.of(v);
                case "--functions" -> o.functions = Path.of(v);
                case "--work" -> o.work = Path.of(v);
                case "--tools" -> o.tools = Path.of(v);
                case "--out" -> o.out = Path.of(v);
                case "--only" -> o.only = v.isBlank() ? List.of() : List.of(v.split(","));
                case "--variant" -> o.variants.put(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1));
                case "--runs" -> o.runs = Integer.parseInt(v);
                case "--native-only" -> o.nativeOnly = Boolean.parseBoolean(v);
                case "--warmup-runs" -> o.warmupRuns = Integer.parseInt(v);
                case "--invocations" -> o.invocations = Integer.parseInt(v);
                case "--memory" -> o.memoryMb = Integer.parseInt(v);
                case "--wiremock-version" -> o.wiremockVersion = v;
                case "--jvm-options" -> o.jvmOptions = v.isBlank() ? null : v;
                case "--java-tool-options" -> o.javaToolOptions = v.isBlank() ? null : v;
                case "--native-options" -> o.nativeOptions = v;
                case "--warm" -> o.warmInterleaved = switch (v) {
                    case "interleaved" -> true;
                    case "sequential" -> false;
                    default -> throw new IllegalArgumentException("--warm is interleaved or sequential, not " + v);
                };
                default -> throw new IllegalArgumentException("unknown option " + k);
            }
        }
        if ((o.peerProps == null) != (o.peerZip == null)) {
            throw new IllegalArgumentException("--peer and --peer-zip go together");
        }
        o.work = o.work.toAbsolutePath();
        o.tools = o.tools.toAbsolutePath();
        o.bench = o.bench.toAbsolutePath();
        return o;
    }

    /**
     * The JVM options AWS's java17 managed runtime starts functions with (serial GC, C1 only,
     * CDS on), the heap sized for {@code --memory} MB; {@code --jvm-options} replaces them.
     */
    /**
     * What a native bootstrap is started with. Lambda runs it without arguments, but in a microVM whose
     * memory is the function's, from which the image sizes its heap; here the machine's 23 GiB would
     * be read instead, so {@code -XX:MaxRAM} says {@code --memory}. {@code --native-options} replaces it
     * (an empty value: no arguments).
     */
    List<String> nativeOptions() {
        if (nativeOptions != null) {
            return nativeOptions.isBlank() ? List.of() : List.of(nativeOptions.trim().split("\\s+"));
        }
        return List.of("-XX:MaxRAM=" + memoryMb + "m");
    }

    List<String> jvmOptions() {
        if (jvmOptions != null) {
            return List.of(jvmOptions.trim().split("\\s+"));
        }
        return List.of("-XX:MaxRAM=" + memoryMb + "m", "-XX:MaxHeapSize=" + (memoryMb * 85 / 100) + "m",
                "-XX:+UseSerialGC", "-Xshare:auto", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "--add-opens=java.base/java.io=ALL-UNNAMED", "-Djava.net.preferIPv4Stack=true", "-XX:+ErrorFileToStderr");
    }
}
