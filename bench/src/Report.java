import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The markdown results file: one table row per target, the samples, the class census and issue 7's targets. */
final class Report {

    static String markdown(List<Target> targets, Options o) throws IOException {
        Target base = targets.get(0);
        Stats b = Stats.of(base);
        StringBuilder s = new StringBuilder();
        s.append("<!-- written by bench/run.sh; do not edit by hand -->\n");
        s.append("| function | cold start ms (median) | × bare | runtime ready ms | CPU ms to first response | × bare | peak RSS MiB | × bare | warm p50 ms | warm p99 ms | × bare (p99) | function.zip MB | classes loaded |\n");
        s.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (Target t : targets) {
            Stats x = Stats.of(t);
            s.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.0f | %.0f | %.2f | %.0f | %.2f | %.2f | %.2f | %.2f | %.1f | %s |%n",
                    t.name, Stats.ms(x.cold()), ratio(x.cold(), b.cold()), Stats.ms(x.init()), Stats.ms(x.cpu()), ratio(x.cpu(), b.cpu()), x.rssKb() / 1024.0, ratio(x.rssKb(), b.rssKb()),
                    Stats.ms(x.p50()), Stats.ms(x.p99()), ratio(x.p99(), b.p99()), t.zipBytes() / 1e6, t.classesLoaded < 0 ? "" : Integer.toString(t.classesLoaded)));
        }
        s.append('\n');
        s.append(String.format(Locale.ROOT, "Date: %s. Machine: %s; %d CPUs (nproc), %s RAM; %s. Mode: %s.%n",
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                cpuModel(), Runtime.getRuntime().availableProcessors(), memTotal(),
                "JDK " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")",
                o.nativeZip == null ? "JVM" : "JVM and native"));
        s.append(String.format(Locale.ROOT, "%nEach function ran under AWS's runtime interface client (aws-lambda-java-runtime-interface-client) "
                + "against the bench's local Runtime API (bench/src/RuntimeApi.java): %d processes each (interleaved with the bare function), "
                + "%d warm invocations in the last one. JVM options: `%s`%s.%n",
                o.runs, o.invocations, String.join(" ", o.jvmOptions()),
                o.javaToolOptions == null ? "" : "; JAVA_TOOL_OPTIONS=`" + o.javaToolOptions + "`"));
        s.append("\nCold start: process start to the first response posted. Runtime ready: process start to the first poll for an event "
                + "(the init phase). CPU: CPU time of all the process's threads until the first response (less disturbed by other load than wall time). Peak RSS: VmHWM after the warm run. Warm latency: event handed out to response received. "
                + "All cold samples (ms):\n\n");
        for (Target t : targets) {
            s.append("- ").append(t.name).append(": ").append(t.results.stream()
                    .map(r -> String.format(Locale.ROOT, "%.0f", Stats.ms(r.coldNanos()))).collect(Collectors.joining(", "))).append('\n');
        }
        s.append("\nAll CPU samples to first response (ms):\n\n");
        for (Target t : targets) {
            s.append("- ").append(t.name).append(": ").append(t.results.stream()
                    .map(r -> String.format(Locale.ROOT, "%.0f", Stats.ms(r.coldCpuNanos()))).collect(Collectors.joining(", "))).append('\n');
        }
        s.append("\nClasses loaded by the first answer beyond the bare function's, by package (`-Xlog:class+load`, an extra untimed run):\n\n");
        for (Target t : targets) {
            if (t.baseline || t.classesLoaded < 0) {
                continue;
            }
            s.append("- ").append(t.name).append(String.format(Locale.ROOT, " (%+d): ", t.classesLoaded - base.classesLoaded))
                    .append(t.classCensus.entrySet().stream()
                            .map(e -> Map.entry(e.getKey(), e.getValue() - base.classCensus.getOrDefault(e.getKey(), 0)))
                            .filter(e -> e.getValue() >= 10)
                            .sorted((a, c) -> c.getValue() - a.getValue())
                            .limit(16)
                            .map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ")))
                    .append('\n');
        }
        s.append("\nTargets (issue 7): cold start ≤ 1.15 × bare, warm p99 < 10 ms, peak RSS < 160 MiB, function.zip < 20 MB.\n\n");
        for (Target t : targets) {
            if (t.baseline) {
                continue;
            }
            Stats x = Stats.of(t);
            s.append(String.format(Locale.ROOT, "- %s: cold %.2f × bare %s; p99 %.2f ms %s; peak RSS %.0f MiB %s; zip %.1f MB %s%n",
                    t.name, ratio(x.cold(), b.cold()), mark(ratio(x.cold(), b.cold()) <= 1.15), Stats.ms(x.p99()), mark(Stats.ms(x.p99()) < 10),
                    x.rssKb() / 1024.0, mark(x.rssKb() / 1024.0 < 160), t.zipBytes() / 1e6, mark(t.zipBytes() < 20e6)));
        }
        return s.toString();
    }

    static String mark(boolean ok) {
        return ok ? "(met)" : "(**missed**)";
    }

    static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }


    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }

    static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576.0))
                    .findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
