#!/usr/bin/env bash
# The bench, in one command: builds function.zip and the bare Funqy function, fetches AWS's Lambda
# runtime interface client (and DynamoDB Local / WireMock when a function needs them) through Maven,
# runs every function in bench/functions/ under it against a local Lambda Runtime API and writes
# bench/results/latest.md; then bench/jmh.sh (bench/results/webhook-pipeline.md). No AWS account, nothing installed by hand: a JDK 17+ is enough.
#
#   bench/run.sh                          # everything (about 6 minutes on 2 cores)
#   bench/run.sh --only receiveWebhook    # one function (and the baseline)
#   BENCH_SKIP_BUILD=1 bench/run.sh       # measure the zips already built
#   BENCH_SKIP_JMH=1 bench/run.sh         # without the JMH micro-benchmark (bench/jmh.sh)
#   BENCH_PEER=node bench/run.sh --only receiveWebhook   # and the Node.js peer (bench/peer-node/; needs node and npm)
#
# Options after the script name go to the bench's driver (bench/src/, compiled here with javac):
# --runs N (cold starts per function, default 7), --invocations N (warm, default 1000), --memory MB
# (256), --jvm-options '...', --java-tool-options '...', --native-zip path (a native function.zip
# with a bootstrap; found automatically in target/ when the native build made one),
# --baseline-native-zip path (the bare function's native zip; found automatically at
# bench/baseline/target/function-native.zip), --extensions-zip / --extensions-native-zip path (the
# same echo with every Quarkus extension of the project, issue 17's yardstick: bench/baseline built
# with -Dbaseline=extensions; found automatically in bench/baseline/target/extensions/ as
# function.zip and function-native.zip), --native-options '...' (default
# -XX:MaxRAM=<memory>m), --warm interleaved (the last run's warm invocations in turns across the
# targets instead of one target after the other), --native-only true (the native targets alone: no JVM
# run's JIT threads, nor the stubs' after serving it, share the cores with a native cold start),
# --warmup-runs N (N unrecorded rounds of every target first, while the stubs' JVMs compile), --out file.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
WORK="$ROOT/target/bench"
TOOLS="$WORK/tools"
MVN=("$ROOT/mvnw" -B -q)

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  echo "== building function.zip (tests skipped: bench measures, CI tests)"
  "${MVN[@]}" package -DskipTests
  echo "== building the bare Funqy function (bench/baseline)"
  (cd bench/baseline && "${MVN[@]}" package)
  echo "== building the same echo with the project's extensions (bench/baseline -Dbaseline=extensions)"
  (cd bench/baseline && "${MVN[@]}" package -Dbaseline=extensions)
fi

# The tools the functions' data files ask for (stubs=...), and always the runtime interface client.
need=(ric)
grep -hqE '^stubs=.*dynamodb' bench/functions/*.properties 2>/dev/null && need+=(dynamodb-local)
grep -hqE '^stubs=.*wiremock' bench/functions/*.properties 2>/dev/null && need+=(wiremock)
for tool in "${need[@]}"; do
  dir="$TOOLS/$tool"
  [[ "$tool" == dynamodb-local ]] && dir="$TOOLS/dynamodb"
  if [[ ! -d "$dir" ]]; then
    echo "== fetching $tool through Maven"
    "${MVN[@]}" -f bench/tools/pom.xml -P "$tool" dependency:copy-dependencies -DoutputDirectory="$dir"
  fi
done

native=()
if [[ -f target/function.zip ]] && unzip -l target/function.zip 2>/dev/null | grep -qE ' bootstrap$'; then
  echo "target/function.zip is a native build: copy it to target/function-native.zip and build the JVM one (./mvnw package) to measure both" >&2
  exit 1
fi
for z in target/function-native.zip; do
  [[ -f "$z" ]] && native=(--native-zip "$z")
done
for z in bench/baseline/target/function-native.zip; do
  [[ -f "$z" ]] && native+=(--baseline-native-zip "$z")
done
for z in bench/baseline/target/extensions/function.zip; do
  [[ -f "$z" ]] && native+=(--extensions-zip "$z")
done
for z in bench/baseline/target/extensions/function-native.zip; do
  [[ -f "$z" ]] && native+=(--extensions-native-zip "$z")
done

# The Node.js peer (issue 20), only when asked for: the one part of the bench that needs Node.js.
# Installed from the lock file and bundled with esbuild as a user deploys it; the zip is what is measured.
peer=()
if [[ "${BENCH_PEER:-}" == node ]]; then
  echo "== bundling the Node.js peer (bench/peer-node: npm ci, esbuild)"
  # npm ci only when the lock file changed since the last install: aws-lambda-ric compiles curl (minutes).
  if ! cmp -s bench/peer-node/package-lock.json bench/peer-node/node_modules/.bench-installed-lock; then
    (cd bench/peer-node && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.bench-installed-lock)
  fi
  (cd bench/peer-node && npm run --silent bundle)
  rm -rf "$WORK/peer-node" && mkdir -p "$WORK/peer-node"
  (cd bench/peer-node/dist && zip -q -X "$WORK/peer-node/function.zip" index.mjs)
  peer=(--peer bench/peer-node/bench.properties --peer-zip "$WORK/peer-node/function.zip")
fi

echo "== measuring the functions"
rm -rf "$WORK/classes"
javac -d "$WORK/classes" $(find bench/src -name '*.java')
java -cp "$WORK/classes" Bench --bench bench --zip target/function.zip --baseline bench/baseline/bench.properties \
  --baseline-zip bench/baseline/target/function.zip --functions bench/functions --work "$WORK" --tools "$TOOLS" \
  --out bench/results/latest.md ${native[@]+"${native[@]}"} ${peer[@]+"${peer[@]}"} "$@"

if [[ -z "${BENCH_SKIP_JMH:-}" ]]; then
  echo "== receiveWebhook's per-delivery work under JMH (bench/jmh.sh)"
  bench/jmh.sh
fi
