import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starts one function process against its own Runtime API and times its answers. */
final class FunctionProcess {

    static RunResult runOnce(Target t, int run, int warmInvocations, Tools tools, Options o) throws Exception {
        Path log = o.work.resolve("logs").resolve(t.slug() + "-run" + run + ".log");
        try (RuntimeApi api = new RuntimeApi()) {
            Invocation first = t.invocation(0, run);
            api.submit(first);
            ProcessBuilder pb = t.command(api.port(), tools, o)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            long t0 = System.nanoTime();
            Process p = pb.start();
            try {
                Result r = await(first, p, api, log);
                t.check(r, 0, log);
                long cold = r.at() - t0;
                long init = api.firstPoll - t0;
                long coldCpu = Proc.cpuNanos(p.pid());
                long coldRss = Proc.vmHwmKb(p.pid());
                long[] warm = new long[warmInvocations];
                for (int i = 1; i <= warmInvocations; i++) {
                    Invocation inv = t.invocation(i, run);
                    api.submit(inv);
                    Result w = await(inv, p, api, log);
                    t.check(w, i, log);
                    warm[i - 1] = w.at() - inv.dispatched;
                }
                return new RunResult(cold, init, coldCpu, coldRss, Proc.vmHwmKb(p.pid()), warm);
            } finally {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Runs the function once more with {@code -Xlog:class+load} and counts the classes loaded by its first answer, per package. */
    static void census(Target t, Tools tools, Options o) throws Exception {
        Path classes = o.work.resolve("logs").resolve(t.slug() + "-classes.log");
        Files.deleteIfExists(classes);
        t.extraJvmOptions = List.of("-Xlog:class+load=info:file=" + classes);
        try {
            runOnce(t, 0, 0, tools, o);
        } finally {
            t.extraJvmOptions = List.of();
        }
        Map<String, Integer> byPackage = new java.util.TreeMap<>();
        int total = 0;
        for (String line : Files.readAllLines(classes)) {
            int start = line.indexOf("] ");
            int end = line.indexOf(" source:");
            if (start < 0 || end < start) {
                continue;
            }
            String[] parts = line.substring(start + 2, end).split("\\.");
            int depth = Set.of("io", "org", "com", "software", "jakarta").contains(parts[0]) ? 3 : 2;
            String group = String.join(".", Arrays.asList(parts).subList(0, Math.min(depth, parts.length - 1)));
            byPackage.merge(group, 1, Integer::sum);
            total++;
        }
        t.classCensus = byPackage;
        t.classesLoaded = total;
    }

    static Result await(Invocation inv, Process p, RuntimeApi api, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return inv.done.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                if (api.initError != null) {
                    throw new IllegalStateException("the function reported an init error: " + api.initError + " (log: " + log + ")");
                }
                if (!p.isAlive()) {
                    throw new IllegalStateException("the function exited with " + p.exitValue() + " before answering (log: " + log + ")");
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no answer within 60 s (log: " + log + ")");
                }
            }
        }
    }
}
