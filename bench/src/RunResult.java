

/** One function process: its cold start, init, CPU and RSS, and its warm latencies. */
record RunResult(long coldNanos, long initNanos, long coldCpuNanos, long coldRssKb, long peakRssKb, long[] warmNanos) {
}
