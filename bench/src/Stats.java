import java.util.Arrays;

/** The figures of one target: medians of its cold runs, percentiles of its warm invocations. */
record Stats(long cold, long init, long cpu, long rssKb, long p50, long p99, long firstRssKb) {

    static Stats of(Target t) {
        long[] cold = t.results.stream().mapToLong(RunResult::coldNanos).toArray();
        long[] init = t.results.stream().mapToLong(RunResult::initNanos).toArray();
        long[] cpu = t.results.stream().mapToLong(RunResult::coldCpuNanos).toArray();
        long[] firstRss = t.results.stream().mapToLong(RunResult::coldRssKb).toArray();
        RunResult last = t.results.get(t.results.size() - 1);
        return new Stats(median(cold), median(init), median(cpu), last.peakRssKb(), percentile(last.warmNanos(), 0.5), percentile(last.warmNanos(), 0.99),
                median(firstRss));
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static long percentile(long[] values, double q) {
        if (values.length == 0) {
            return 0;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
