#!/usr/bin/env bash
# JMH micro-benchmarks of the broadcast path (ChannelRegistry.deliver to null-sink subscribers) and
# of the signature checks (channel auth, HTTP API request), pinned to core 0, with the GC profiler
# (bytes allocated per operation). About 2 minutes (12 benchmark configurations, 3 × 1 s warm-up
# and 5 × 1 s measurement each); --quick: about 45 s (1 warm-up, 2 measurement iterations).
# Usage: herald-bench/jmh.sh [--quick] [--out PREFIX] [extra JMH options…]
# Writes PREFIX.json (JMH's own) and PREFIX.md (a table with the cost per subscriber);
# PREFIX defaults to herald-bench/results/<UTC timestamp>-jmh.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_JAR=$ROOT/herald-bench/target/herald-bench.jar
OUT=$ROOT/herald-bench/results/$(date -u +%Y%m%dT%H%M%SZ)-jmh
ITERATIONS=()
EXTRA=()
while (($#)); do
  case $1 in
    --quick) ITERATIONS=(-wi 1 -i 2) ;;
    --out) OUT=$2; shift ;;
    *) EXTRA+=("$1") ;;
  esac
  shift
done
if [[ ! -f $BENCH_JAR ]]; then
  (cd "$ROOT" && mvn -B -q -pl herald-bench -am package -DskipTests)
fi
mkdir -p "$(dirname "$OUT")"
taskset -c 0 java -cp "$BENCH_JAR" org.openjdk.jmh.Main 'dev.herald.bench.jmh.*' \
  -prof gc -rf json -rff "$OUT.json" "${ITERATIONS[@]}" "${EXTRA[@]}"
java -cp "$BENCH_JAR" dev.herald.bench.JmhSummary \
  --title "JMH micro-benchmarks $(date -u +%Y-%m-%dT%H:%MZ)" --in "$OUT.json" --out "$OUT.md"
echo "wrote $OUT.md and .json"
