import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One function process against its own Runtime API: started, timed to its first answer, then invoked warm. */
final class FunctionProcess implements AutoCloseable {

    private final Target t;
    private final int run;
    private final Path log;
    private final RuntimeApi api;
    private final Process p;
    private long cold;
    private long init;
    private long coldCpu;
    private long coldRss;

    private FunctionProcess(Target t, int run, Path log, RuntimeApi api, Process p) {
        this.t = t;
        this.run = run;
        this.log = log;
        this.api = api;
        this.p = p;
    }

    /** Starts the function with its first event waiting, and returns once it has answered it (the cold start). */
    static FunctionProcess start(Target t, int run, Tools tools, Options o) throws Exception {
        Path log = o.work.resolve("logs").resolve(t.slug() + "-run" + run + ".log");
        RuntimeApi api = new RuntimeApi();
        FunctionProcess f = null;
        try {
            Invocation first = t.invocation(0, run);
            api.submit(first);
            ProcessBuilder pb = t.command(api.port(), tools, o)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // Lambda gives every new environment an empty /tmp. A shared one fills up here with what
            // killed runs leave (Vert.x's vertx-N cache directories), and a Quarkus build then scans
            // them all at start, a cost no Lambda has: each run gets an empty one of its own.
            Path tmp = Zips.emptyDirectory(o.work.resolve("tmp").resolve(t.slug() + "-run" + run));
            pb.environment().put("TMPDIR", tmp.toString());
            if (t.mode != Target.Mode.NODE) {
                pb.command().add(1, "-Djava.io.tmpdir=" + tmp);
            }
            long t0 = System.nanoTime();
            f = new FunctionProcess(t, run, log, api, pb.start());
            Result r = await(first, f.p, api, log);
            t.check(r, 0, log);
            f.cold = r.at() - t0;
            f.init = api.firstPoll - t0;
            f.coldCpu = Proc.cpuNanos(f.p.pid());
            f.coldRss = Proc.vmHwmKb(f.p.pid());
            return f;
        } catch (Exception | Error e) {
            if (f != null) {
                f.close();
            } else {
                api.close();
            }
            throw e;
        }
    }

    /** One warm invocation: event handed out to its answer received. */
    long invoke(int n) throws Exception {
        Invocation inv = t.invocation(n, run);
        api.submit(inv);
        Result w = await(inv, p, api, log);
        t.check(w, n, log);
        return w.at() - inv.dispatched;
    }

    RunResult result(long[] warm) {
        return new RunResult(cold, init, coldCpu, coldRss, Proc.vmHwmKb(p.pid()), warm);
    }

    @Override
    public void close() {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        api.close();
    }

    static RunResult runOnce(Target t, int run, int warmInvocations, Tools tools, Options o) throws Exception {
        try (FunctionProcess f = start(t, run, tools, o)) {
            long[] warm = new long[warmInvocations];
            for (int i = 1; i <= warmInvocations; i++) {
                warm[i - 1] = f.invoke(i);
            }
            return f.result(warm);
        }
    }

    /**
     * The last run with every target's warm invocations interleaved (t1, t2, ..., t1, t2, ...), each
     * process alive and idle between its turns: a burst of load from elsewhere hits every target's
     * p99 alike instead of the one whose turn it was. Cold starts stay one at a time.
     */
    static List<RunResult> runInterleaved(List<Target> targets, int run, int warmInvocations, Tools tools, Options o) throws Exception {
        List<FunctionProcess> live = new ArrayList<>();
        try {
            for (Target t : targets) {
                live.add(start(t, run, tools, o));
            }
            long[][] warm = new long[targets.size()][warmInvocations];
            for (int i = 1; i <= warmInvocations; i++) {
                for (int k = 0; k < live.size(); k++) {
                    warm[k][i - 1] = live.get(k).invoke(i);
                }
            }
            List<RunResult> results = new ArrayList<>();
            for (int k = 0; k < live.size(); k++) {
                results.add(live.get(k).result(warm[k]));
            }
            return results;
        } finally {
            live.forEach(FunctionProcess::close);
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
