import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The bench's driver: runs each function's {@code function.zip} under AWS's Lambda runtime interface
 * client (RIC) against a local Lambda Runtime API, side by side with a bare Funqy function, and
 * writes a markdown table. Started by {@code bench/run.sh}, which compiles {@code bench/src/} with the
 * JDK's {@code javac} and runs this class: the JDK alone, nothing to install. The parts: {@link Options},
 * {@link Target} (one measured function), {@link FunctionProcess} (one process of it, timed) against
 * {@link RuntimeApi}, {@link Stubs} and {@link Tools} (what the functions run against), {@link Stats}
 * and {@link Report}.
 * <p>
 * Per function: cold start = process start until the first response is posted (median of
 * {@code --runs} processes), init = process start until the runtime first polls for an event,
 * peak RSS = VmHWM after the warm run, warm latency = event handed out until its response
 * arrives (p50/p99 over {@code --invocations} in the last process).
 */
public class Bench {

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Files.createDirectories(o.work.resolve("logs"));
        Tools tools = new Tools(o);
        o.loadAtStart = Proc.loadAverage();

        List<Target> targets = new ArrayList<>();
        Target bare = Target.load("bare Funqy (baseline)", o.baselineProps, o.baselineZip, o, true);
        targets.add(bare);
        if (o.extensionsZip != null) {
            targets.add(bare.withExtensions(o.extensionsZip));
        }
        try (Stream<Path> files = Files.list(o.functions)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".properties")).sorted().toList()) {
                String name = p.getFileName().toString().replace(".properties", "");
                if (o.only.isEmpty() || o.only.contains(name)) {
                    targets.add(Target.load(name, p, o.zip, o, false));
                }
            }
        }
        // Variants (--variant label=zip or label=@JVM options): each function again, in the same interleaved run.
        for (Map.Entry<String, String> v : o.variants.entrySet()) {
            for (Target t : List.copyOf(targets)) {
                if (!t.baseline && t.variant == null) {
                    targets.add(t.variant(v.getKey(), v.getValue()));
                }
            }
        }
        if (o.baselineNativeZip != null) {
            targets.add(bare.asNative(o.baselineNativeZip, o));
        }
        if (o.extensionsNativeZip != null) {
            targets.add(bare.withExtensions(o.extensionsNativeZip).asNative(o.extensionsNativeZip, o));
        }
        if (o.nativeZip != null) {
            for (Target t : List.copyOf(targets)) {
                if (!t.baseline) {
                    targets.add(t.asNative(o.nativeZip, o));
                }
            }
        }
        if (o.nativeOnly) {
            targets.removeIf(t -> t.mode == Target.Mode.JVM);
        }
        // The peer (another runtime's version of one function), when that function is measured.
        if (o.peerProps != null) {
            Target peer = Target.loadPeer(o.peerProps, o.peerZip, o);
            if (targets.stream().anyMatch(t -> t.name.equals(peer.measures()))) {
                targets.add(peer);
            }
        }

        try (Stubs stubs = new Stubs(o, tools)) {
            for (Target t : targets) {
                t.prepare(stubs);
            }
            // Unrecorded starts first: the stubs' JVMs (and this one) compile their code while serving them,
            // on the cores the measured starts then have to themselves.
            for (int run = 1; run <= o.warmupRuns; run++) {
                for (Target t : targets) {
                    FunctionProcess.runOnce(t, 1000 + run, 0, tools, o);
                }
                System.out.printf(Locale.ROOT, "warm-up round %d/%d done (not recorded)%n", run, o.warmupRuns);
            }
            // Interleaved (bare, f1, f2, bare, f1, f2, ...): drift on a shared machine hits every target alike.
            for (int run = 1; run <= o.runs; run++) {
                boolean last = run == o.runs;
                List<RunResult> interleaved = last && o.warmInterleaved
                        ? FunctionProcess.runInterleaved(targets, run, o.invocations, tools, o) : null;
                for (int k = 0; k < targets.size(); k++) {
                    Target t = targets.get(k);
                    RunResult r = interleaved != null ? interleaved.get(k) : FunctionProcess.runOnce(t, run, last ? o.invocations : 0, tools, o);
                    t.results.add(r);
                    System.out.printf(Locale.ROOT, "%-28s run %d/%d: cold %7.1f ms (init %7.1f ms, CPU %7.1f ms)%s%n", t.name, run, o.runs,
                            Stats.ms(r.coldNanos()), Stats.ms(r.initNanos()), Stats.ms(r.coldCpuNanos()),
                            last ? String.format(Locale.ROOT, ", warm p50 %.2f ms p99 %.2f ms over %d, VmHWM %d MiB",
                                    Stats.ms(Stats.percentile(r.warmNanos(), 0.50)), Stats.ms(Stats.percentile(r.warmNanos(), 0.99)), r.warmNanos().length,
                                    r.peakRssKb() / 1024) : "");
                }
            }
            o.loadAtEnd = Proc.loadAverage();
            // Which classes each function loads by its first answer: an extra, untimed process each.
            for (Target t : targets) {
                if (t.mode == Target.Mode.JVM) {
                    FunctionProcess.census(t, tools, o);
                }
            }
        }
        String table = Report.markdown(targets, o);
        Files.createDirectories(o.out.getParent());
        Files.writeString(o.out, table);
        System.out.println();
        System.out.println(table);
        System.out.println("written to " + o.out);
    }
}
