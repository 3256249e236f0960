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
        StringBuilder s = new StringBuilder();
        s.append("<!-- written by bench/run.sh; do not edit by hand -->\n");
        boolean ext = targets.stream().anyMatch(t -> t.withExtensions);
        s.append("| function | cold start ms (median) | × bare |" + (ext ? " × bare + ext. |" : "")
                + " runtime ready ms | CPU ms to first response | × bare |" + (ext ? " × bare + ext. |" : "")
                + " RSS at first response MiB | peak RSS MiB | × bare | warm p50 ms | warm p99 ms | × bare (p99) | function.zip MB | classes loaded |\n");
        s.append("|---|--:|--:|" + (ext ? "--:|" : "") + "--:|--:|--:|" + (ext ? "--:|" : "") + "--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (Target t : targets) {
            Stats x = Stats.of(t);
            Target tb = bareOf(t, targets);
            Stats y = tb == null ? null : Stats.of(tb);
            Target te = ext ? extensionsOf(t, targets) : null;
            Stats z = te == null ? null : Stats.of(te);
            s.append(String.format(Locale.ROOT, "| %s | %.0f | %s |%s %.0f | %.0f | %s |%s %.0f | %.0f | %s | %.2f | %.2f | %s | %.1f | %s |%n",
                    t.name, Stats.ms(x.cold()), times(x.cold(), y == null ? 0 : y.cold()),
                    ext ? " " + times(x.cold(), z == null ? 0 : z.cold()) + " |" : "", Stats.ms(x.init()), Stats.ms(x.cpu()),
                    times(x.cpu(), y == null ? 0 : y.cpu()), ext ? " " + times(x.cpu(), z == null ? 0 : z.cpu()) + " |" : "",
                    x.firstRssKb() / 1024.0, x.rssKb() / 1024.0, times(x.rssKb(), y == null ? 0 : y.rssKb()),
                    Stats.ms(x.p50()), Stats.ms(x.p99()), times(x.p99(), y == null ? 0 : y.p99()), t.zipBytes() / 1e6,
                    t.classesLoaded < 0 ? "" : Integer.toString(t.classesLoaded)));
        }
        s.append('\n');
        if (ext) {
            s.append("× bare + ext.: against the same echo built with every Quarkus extension of the project and its image-wide native "
                    + "settings but none of its code (bench/baseline -Dbaseline=extensions), the same way (JVM or native), in the same run.\n");
        }
        if (targets.stream().anyMatch(t -> t.baseline && t.mode == Target.Mode.NATIVE)) {
            s.append("× bare: against the bare function built the same way (native rows against the bare native function, in the same run).\n\n");
        } else if (targets.stream().anyMatch(t -> t.mode == Target.Mode.NATIVE)) {
            s.append("× bare: against the bare JVM function (no bare native zip was given, so native rows too).\n\n");
        }
        s.append(String.format(Locale.ROOT, "Date: %s. Machine: %s; %d CPUs (nproc), %s RAM; %s. Mode: %s.%n",
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                cpuModel(), Runtime.getRuntime().availableProcessors(), memTotal(),
                "JDK " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")",
                targets.stream().map(t -> t.mode.toString()).distinct().collect(Collectors.joining(", "))));
        s.append(String.format(Locale.ROOT, "Load average (1, 5, 15 min) when the runs began: %s; when they ended: %s.%n", o.loadAtStart, o.loadAtEnd));
        s.append(String.format(Locale.ROOT, "%nEach function ran under AWS's runtime interface client (aws-lambda-java-runtime-interface-client) "
                + "against the bench's local Runtime API (bench/src/RuntimeApi.java): %d processes each (interleaved with the bare function), "
                + "%d warm invocations in the last one%s. JVM options: `%s`%s.%n",
                o.runs, o.invocations, o.warmInterleaved ? " (taken in turns across all the targets, their processes alive side by side)" : "", String.join(" ", o.jvmOptions()),
                o.javaToolOptions == null ? "" : "; JAVA_TOOL_OPTIONS=`" + o.javaToolOptions + "`"));
        if (targets.stream().anyMatch(t -> t.mode == Target.Mode.NATIVE)) {
            s.append("Native builds ran as Lambda's provided.al2023 runtime runs them: their `bootstrap`, the same Runtime API and environment, "
                    + "with `" + String.join(" ", o.nativeOptions()) + "` (the memory Lambda's microVM would show them).\n");
        }
        if (targets.stream().anyMatch(Target::isPeer)) {
            Target peer = targets.stream().filter(Target::isPeer).findFirst().orElseThrow();
            s.append("The Node.js peer ran as Lambda's Node.js runtime runs a function: `node` (" + nodeVersion(o)
                    + ") with the heap flags of Lambda's bootstrap, under `" + o.bench.relativize(peer.nodeRuntime())
                    + "`, loading the bundled handler from the unpacked zip; same deliveries, same DynamoDB Local inbox table.\n");
        }
        s.append("\nCold start: process start to the first response posted. Runtime ready: process start to the first poll for an event "
                + "(the init phase). CPU: CPU time of all the process's threads until the first response (less disturbed by other load than wall time). RSS at first response: VmHWM right after the first response (median). Peak RSS: VmHWM after the warm run. Warm latency: event handed out to response received. "
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
            if (t.baseline || t.isPeer()) {
                continue;
            }
            Stats x = Stats.of(t);
            Stats y = Stats.of(bareOf(t, targets));
            s.append(String.format(Locale.ROOT, "- %s: cold %.2f × bare %s; p99 %.2f ms %s; peak RSS %.0f MiB %s; zip %.1f MB %s%n",
                    t.name, ratio(x.cold(), y.cold()), mark(ratio(x.cold(), y.cold()) <= 1.15), Stats.ms(x.p99()), mark(Stats.ms(x.p99()) < 10),
                    x.rssKb() / 1024.0, mark(x.rssKb() / 1024.0 < 160), t.zipBytes() / 1e6, mark(t.zipBytes() < 20e6)));
        }
        if (ext && targets.stream().anyMatch(t -> t.mode == Target.Mode.NATIVE && !t.baseline)) {
            s.append("\nTargets (issue 17), native: cold start ≤ 1.5 × the bare function with the same extensions, "
                    + "RSS at the first response < 64 MiB, function.zip < 20 MB.\n\n");
            for (Target t : targets) {
                Target te = extensionsOf(t, targets);
                if (t.baseline || t.mode != Target.Mode.NATIVE || te == null) {
                    continue;
                }
                Stats x = Stats.of(t);
                Stats z = Stats.of(te);
                s.append(String.format(Locale.ROOT, "- %s: cold %.2f × bare + ext. %s (CPU %.2f ×); RSS at first response %.0f MiB %s; zip %.1f MB %s%n",
                        t.name, ratio(x.cold(), z.cold()), mark(ratio(x.cold(), z.cold()) <= 1.5), ratio(x.cpu(), z.cpu()),
                        x.firstRssKb() / 1024.0, mark(x.firstRssKb() / 1024.0 < 64), t.zipBytes() / 1e6, mark(t.zipBytes() < 20e6)));
            }
        }
        for (Target peer : targets) {
            if (peer.isPeer()) {
                peerSection(s, peer, targets, o);
            }
        }
        return s.toString();
    }

    /** The bare function a target's ratios are taken against: the same mode's, else the JVM one; none for a peer. */
    static Target bareOf(Target t, List<Target> targets) {
        if (t.isPeer()) {
            return null;
        }
        return targets.stream().filter(b -> b.baseline && !b.withExtensions && b.mode == t.mode).findFirst().orElse(targets.get(0));
    }

    /** The bare function with the project's extensions, built the same way (JVM or native); none if not measured. */
    static Target extensionsOf(Target t, List<Target> targets) {
        if (t.isPeer()) {
            return null;
        }
        return targets.stream().filter(b -> b.withExtensions && b.mode == t.mode).findFirst().orElse(null);
    }

    /** Issue 20: the function beside a user's own Node.js receiver, same deliveries, same inbox, same run. */
    static void peerSection(StringBuilder s, Target peer, List<Target> targets, Options o) {
        Stats p = Stats.of(peer);
        List<Target> ours = targets.stream().filter(t -> !t.isPeer() && !t.baseline && t.variant == null
                && (t.name.equals(peer.measures()) || t.name.equals(peer.measures() + " (native)"))).toList();
        s.append("\n## ").append(peer.measures()).append(" against the Node.js peer (issue 20)\n\n");
        s.append("| | first stored answer ms (median of ").append(o.runs).append(") | × peer | CPU ms to first answer | × peer "
                + "| peak RSS MiB | × peer | warm p50 ms | warm p99 ms | × peer (p99) | package MB | × peer |\n");
        s.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (Target t : ours) {
            Stats x = Stats.of(t);
            s.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.0f | %.2f | %.0f | %.2f | %.2f | %.2f | %.2f | %.1f | %.2f |%n",
                    t.name, Stats.ms(x.cold()), ratio(x.cold(), p.cold()), Stats.ms(x.cpu()), ratio(x.cpu(), p.cpu()), x.rssKb() / 1024.0,
                    ratio(x.rssKb(), p.rssKb()), Stats.ms(x.p50()), Stats.ms(x.p99()), ratio(x.p99(), p.p99()),
                    t.zipBytes() / 1e6, ratio(t.zipBytes(), peer.zipBytes())));
        }
        s.append(String.format(Locale.ROOT, "| %s | %.0f | 1.00 | %.0f | 1.00 | %.0f | 1.00 | %.2f | %.2f | 1.00 | %.1f | 1.00 |%n",
                peer.name, Stats.ms(p.cold()), Stats.ms(p.cpu()), p.rssKb() / 1024.0, Stats.ms(p.p50()), Stats.ms(p.p99()), peer.zipBytes() / 1e6));
        s.append("\nFirst stored answer: process start to the first delivery's answer (a fresh delivery, so stored: 200, `duplicate` false). "
                + "Package: function.zip for ours; for the peer, the zip of its esbuild bundle (one minified index.mjs with "
                + "@composio/core and @aws-sdk/client-dynamodb inside), as a user deploys it.\n");
        s.append("\nGoals (issue 20): the native build's first stored answer ≤ 0.5 × the peer's, its warm p99 no worse, its peak RSS below.\n\n");
        Target nativeBuild = ours.stream().filter(t -> t.mode == Target.Mode.NATIVE).findFirst().orElse(null);
        if (nativeBuild == null) {
            s.append("- no native zip was measured in this run (`--native-zip`): the goals are the native build's.\n");
            return;
        }
        Stats n = Stats.of(nativeBuild);
        s.append(String.format(Locale.ROOT, "- first stored answer %.0f ms = %.2f × the peer's %.0f ms %s%n",
                Stats.ms(n.cold()), ratio(n.cold(), p.cold()), Stats.ms(p.cold()), mark(ratio(n.cold(), p.cold()) <= 0.5)));
        s.append(String.format(Locale.ROOT, "- warm p99 %.2f ms against the peer's %.2f ms %s%n",
                Stats.ms(n.p99()), Stats.ms(p.p99()), mark(n.p99() <= p.p99())));
        s.append(String.format(Locale.ROOT, "- peak RSS %.0f MiB against the peer's %.0f MiB %s%n",
                n.rssKb() / 1024.0, p.rssKb() / 1024.0, mark(n.rssKb() < p.rssKb())));
    }

    /** A ratio for the table, or a dash where there is nothing to compare with. */
    static String times(double a, double b) {
        return b == 0 ? "–" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    static String nodeVersion(Options o) {
        try {
            Process p = new ProcessBuilder(o.node, "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return "Node.js " + v;
        } catch (IOException | InterruptedException e) {
            return "Node.js";
        }
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
