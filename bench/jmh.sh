#!/usr/bin/env bash
# receiveWebhook's per-delivery work (verify + parse + normalise a ~2 KB delivery) under JMH:
# compiles the test tree (where the benchmarks live, next to the package-private classes they
# measure), runs them on the test classpath and writes bench/results/webhook-pipeline.md.
#   bench/jmh.sh                       # all *Benchmark classes (about 1.5 minutes)
#   bench/jmh.sh WebhookPipeline -f 2  # JMH's own arguments: a regexp, forks, iterations...
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="$PWD/target/bench"
mkdir -p "$WORK" bench/results
if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/test-classpath.txt"
fi
CP="target/test-classes:target/classes:$(cat "$WORK/test-classpath.txt")"
args=("$@")
[[ ${#args[@]} -eq 0 ]] && args=(Benchmark)
java -cp "$CP" org.openjdk.jmh.Main "${args[@]}" -rf csv -rff "$WORK/jmh.csv" | tee "$WORK/jmh.txt"

# The medians (p0.50 of JMH's sample-time mode) and p99 as a table docs/performance.md quotes.
python3 - "$WORK/jmh.csv" bench/results/webhook-pipeline.md <<'PY'
import csv, datetime, os, platform, subprocess, sys
rows = list(csv.DictReader(open(sys.argv[1])))
def score(bench, param):
    for r in rows:
        if r["Benchmark"] == bench + (":" + param if param else ""):
            return float(r["Score"]), r["Unit"]
    return None, None
names = sorted({r["Benchmark"].split(":")[0] for r in rows})
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
jdk = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
out = ["<!-- written by bench/jmh.sh; do not edit by hand -->",
       "| benchmark (~2 KB V3 delivery) | median µs | p99 µs | mean µs |", "|---|--:|--:|--:|"]
for n in names:
    p50, _ = score(n, "p0.50"); p99, _ = score(n, "p0.99"); mean, unit = score(n, "")
    out.append("| %s | %.2f | %.2f | %.2f |" % (n.rsplit(".", 1)[1], p50, p99, mean))
out.append("")
out.append("Date: %s. Machine: %s; %d CPUs (nproc); %s. JMH sample-time mode, 1 fork, 5 × 1 s warm-up, 5 × 2 s measurement." % (
    datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC"), cpu, os.cpu_count(), jdk))
open(sys.argv[2], "w").write("\n".join(out) + "\n")
print("\n".join(out))
PY
