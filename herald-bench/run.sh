#!/usr/bin/env bash
# Scenario S2 (fan-out knee) against each server in turn, never two at once: the server pinned to
# core 0 with one event loop, the load client + publisher (one JVM) pinned to core 1.
# Usage: herald-bench/run.sh [--quick]
# Writes herald-bench/results/<timestamp>.json and .md.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_JAR=$ROOT/herald-bench/target/herald-bench.jar
SERVER_JAR=$ROOT/herald-server/target/herald-server.jar
PORT=${BENCH_PORT:-6101}
JVM_OPTS=${BENCH_JVM_OPTS:-"-Xms1g -Xmx1g"}
SERVERS=${BENCH_SERVERS:-"baseline-flush baseline-coalesce herald"}

if [[ "${1:-}" == "--quick" ]]; then
  MODE=quick SUBSCRIBERS=1000 RATES=10,20,40 SECONDS_PER_STEP=5
else
  MODE=full SUBSCRIBERS=5000 RATES=5,10,20,40,60,80 SECONDS_PER_STEP=10
fi
# Overrides for exploring, e.g. BENCH_RATES=10,20,40,80 herald-bench/run.sh --quick
SUBSCRIBERS=${BENCH_SUBSCRIBERS:-$SUBSCRIBERS}
RATES=${BENCH_RATES:-$RATES}
SECONDS_PER_STEP=${BENCH_SECONDS:-$SECONDS_PER_STEP}
if (( SUBSCRIBERS > 15000 )); then
  echo "one load-client process holds at most 15000 connections" >&2
  exit 1
fi

if (( $(ulimit -n) < SUBSCRIBERS + 200 )); then
  echo "ulimit -n is $(ulimit -n): too low for $SUBSCRIBERS connections" >&2
  exit 1
fi
if [[ ! -f $BENCH_JAR || ! -f $SERVER_JAR ]]; then
  (cd "$ROOT" && mvn -B -q package -DskipTests)
fi

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$ROOT/herald-bench/results
WORK=$(mktemp -d)
mkdir -p "$RESULTS"
SERVER_PID=
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

cat > "$WORK/herald.yml" <<YAML
host: 127.0.0.1
port: $PORT
event_loop_threads: 1
apps:
  - id: bench
    key: bench-key
    secret: bench-secret
YAML

wait_for_port() {
  for _ in $(seq 1 200); do
    if (echo > /dev/tcp/127.0.0.1/$PORT) 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "server did not open port $PORT" >&2
  return 1
}

for server in $SERVERS; do
  case $server in
    baseline-flush | baseline-coalesce)
      taskset -c 0 java $JVM_OPTS -cp "$BENCH_JAR" dev.herald.bench.BaselineServer \
        --port "$PORT" --mode "${server#baseline-}" > "$WORK/$server.log" 2>&1 &
      ;;
    herald)
      taskset -c 0 java $JVM_OPTS -jar "$SERVER_JAR" serve --config "$WORK/herald.yml" \
        > "$WORK/$server.log" 2>&1 &
      ;;
    *) echo "unknown server $server" >&2; exit 1 ;;
  esac
  SERVER_PID=$!
  wait_for_port
  echo "== $server (pid $SERVER_PID, $MODE: $SUBSCRIBERS subscribers, rates $RATES msg/s, ${SECONDS_PER_STEP}s each)"
  taskset -c 1 java $JVM_OPTS -cp "$BENCH_JAR" dev.herald.bench.LoadRun \
    --url "http://127.0.0.1:$PORT" --app-id bench --key bench-key --secret bench-secret \
    --channel "${BENCH_CHANNEL:-bench}" \
    --server "$server" --server-pid "$SERVER_PID" --clk-tck "$(getconf CLK_TCK)" \
    --subscribers "$SUBSCRIBERS" --rates "$RATES" --seconds "$SECONDS_PER_STEP" --warmup-seconds 5 \
    --out "$WORK/$server.json"
  kill "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
done

RUNS=()
for server in $SERVERS; do RUNS+=("$WORK/$server.json"); done
java -cp "$BENCH_JAR" dev.herald.bench.Report \
  --title "S2 fan-out, $MODE run $STAMP: $SUBSCRIBERS subscribers on channel ${BENCH_CHANNEL:-bench}, rates $RATES msg/s, ${SECONDS_PER_STEP}s per step" \
  --out "$RESULTS/$STAMP" "${RUNS[@]}"
echo "wrote $RESULTS/$STAMP.md and .json"
cat "$RESULTS/$STAMP.md"
