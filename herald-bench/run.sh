#!/usr/bin/env bash
# The benchmark scenarios against each server in turn, never two at once: the server pinned to
# core 0 (one event loop), the load client + publisher (one JVM) pinned to core 1.
#
#   S1 idle hold        connect+subscribe rate, RSS, live heap and fds per idle connection
#   S2 fan-out knee     one channel, stepping publish rate (delivered, latency, CPU/delivery)
#   S3 many channels    personal (private) + group channels, batch triggers at stepping rates
#   S4 slow consumers   1 % of subscribers stop reading: the others' latency, RSS, the 4100 closes
#   S5 churn            connect/subscribe/disconnect continuously: fds and heap back to baseline
#   S6 presence storms  presence join/leave at stepping rates (Herald and Soketi only)
#   X  cross-node       S2 with subscribers on one Herald node and triggers sent to another, over
#                       a private Redis, beside one Herald node in the same run (the Redis issue)
#   jmh                 micro-benchmarks (herald-bench/jmh.sh)
#
# Usage: herald-bench/run.sh [--quick] [--scenarios S1,S4,...]
#   --quick: small N and short steps, ~9 minutes; without: the full run, ~27 minutes (estimate).
# Servers: baseline-flush, baseline-coalesce (dev.herald.bench.BaselineServer), herald, herald-unpinned (S2: two event loops, nothing pinned), and soketi
# (Soketi 1.6.1 from npm, installed into herald-bench/target/soketi; skipped with a message when
# npm is missing or the install fails; BENCH_SOKETI=0 skips it). The baseline speaks only the
# handshake/subscribe/trigger subset, so it sits out S4 (it has no outbound limit) and S6.
# Writes herald-bench/results/<timestamp>.md (all scenarios) and .json ({"S1": [...], ...}).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_JAR=$ROOT/herald-bench/target/herald-bench.jar
SERVER_JAR=$ROOT/herald-server/target/herald-server.jar
SOKETI_DIR=$ROOT/herald-bench/target/soketi
PORT=${BENCH_PORT:-6101}
CLIENT_JVM_OPTS=${BENCH_JVM_OPTS:-"-Xms1g -Xmx1g"}
# Pre-touching the heap keeps first-touch page faults of the young generation out of the RSS
# deltas (S1, S4, S5): RSS then grows only with native memory; the heap is measured on its own.
SERVER_JVM_OPTS=${BENCH_SERVER_JVM_OPTS:-"-Xms1g -Xmx1g -XX:+AlwaysPreTouch"}
# S4: Herald's slow-consumer limit (default 4 MiB) set to 1 MiB so stalled readers reach it
# within the phase. It applies once Netty's outbound buffer is over its 64 KiB high water mark,
# and only after the kernel buffers of the socket are full: on loopback ~4 MB of send buffer
# (autotuned) plus the client's receive buffer (fixed at 128 KiB for S4, SO_RCVBUF, as autotuning
# would grow it by megabytes while the client reads). Hence 8 KB events at 40 msg/s: each stalled
# reader is sent 320 KB/s and should be closed ~17 s into phase B. Few subscribers (200 / 300), so
# the total (8–12k deliveries/s of 8 KB) stays under every server's capacity (Soketi spends ~65 µs
# of CPU per 8 KB delivery in a smoke run, Herald ~25 µs). activity_timeout 120 s
# keeps Herald's ping/pong liveness check (4201) from closing them first. Not lower: Herald's
# check also counts bytes it has written but not yet flushed, so with 256 KiB a backlog of ~33
# queued 8 KB broadcasts closed every subscriber of a smoke run (see BENCHMARKS.md).
S4_MAX_OUTBOUND=${BENCH_S4_MAX_OUTBOUND:-1048576}
S4_RATE=40 S4_PAYLOAD=8000

MODE=full
SCENARIOS=S1,S2,S3,S4,S5,S6,X,jmh
while (($#)); do
  case $1 in
    --quick) MODE=quick ;;
    --scenarios) SCENARIOS=$2; shift ;;
    *) echo "usage: $0 [--quick] [--scenarios S1,S2,S3,S4,S5,S6,jmh]" >&2; exit 2 ;;
  esac
  shift
done

if [[ $MODE == quick ]]; then
  S1_LEVELS=1000,3000 S1_WARMUP=200
  S2_SUBSCRIBERS=1000 S2_RATES=10,20,40 S2_SECONDS=5 S2_WARMUP=5
  S3_CONNECTIONS=2000 S3_GROUPS=20 S3_RATES=20,50 S3_SECONDS=5 S3_WARMUP=3 S3_WARMUP_RATE=50
  S4_SUBSCRIBERS=200 S4_REFERENCE=10 S4_SECONDS=30 S4_WARMUP=5
  S5_STEADY=200 S5_RATE=200 S5_SECONDS=15
  S6_ROOMS=20 S6_RATES=50,100,200 S6_SECONDS=5
  X_SUBSCRIBERS=1000 X_RATES=10,20,40,80 X_SECONDS=5
  JMH_ARGS=(--quick)
else
  S1_LEVELS=5000,15000 S1_WARMUP=3000
  S2_SUBSCRIBERS=5000 S2_RATES=2,5,10,20,40,60,80 S2_SECONDS=10 S2_WARMUP=10
  S3_CONNECTIONS=10000 S3_GROUPS=100 S3_RATES=25,50,100,200 S3_SECONDS=10 S3_WARMUP=10 S3_WARMUP_RATE=100
  S4_SUBSCRIBERS=300 S4_REFERENCE=20 S4_SECONDS=40 S4_WARMUP=10
  S5_STEADY=1000 S5_RATE=300 S5_SECONDS=60
  S6_ROOMS=100 S6_RATES=100,200,400,800 S6_SECONDS=10
  X_SUBSCRIBERS=5000 X_RATES=5,10,20,40,60,80 X_SECONDS=10
  JMH_ARGS=()
fi
# Overrides for S2 exploring, as before: BENCH_SUBSCRIBERS, BENCH_RATES, BENCH_SECONDS, BENCH_CHANNEL.
S2_SUBSCRIBERS=${BENCH_SUBSCRIBERS:-$S2_SUBSCRIBERS}
S2_RATES=${BENCH_RATES:-$S2_RATES}
S2_SECONDS=${BENCH_SECONDS:-$S2_SECONDS}
S2_CHANNEL=${BENCH_CHANNEL:-bench}

MAX_CONNECTIONS=$(echo "$S1_LEVELS" | tr ',' '\n' | sort -n | tail -1)
for n in $MAX_CONNECTIONS $S2_SUBSCRIBERS $S3_CONNECTIONS $S4_SUBSCRIBERS; do
  if ((n > 15000)); then
    echo "one load-client process holds at most 15000 connections ($n asked)" >&2
    exit 1
  fi
  if (($(ulimit -n) < n + 200)); then
    echo "ulimit -n is $(ulimit -n): too low for $n connections" >&2
    exit 1
  fi
done
if [[ ! -f $BENCH_JAR || ! -f $SERVER_JAR ]]; then
  (cd "$ROOT" && mvn -B -q package -DskipTests)
fi

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$ROOT/herald-bench/results
WORK=$(mktemp -d)
mkdir -p "$RESULTS"
SERVER_PID=
CLUSTER_PIDS=()
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; fi
  for pid in "${CLUSTER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# Soketi 1.6.1 from npm: its uWebSockets.js dependency is a git URL, mapped by an npm override to
# the same build published on npm. Installed once under target/ (never committed).
SOKETI=no
ensure_soketi() {
  if [[ ${BENCH_SOKETI:-1} == 0 ]]; then
    echo "soketi: skipped (BENCH_SOKETI=0)"
    return
  fi
  if ! command -v npm > /dev/null || ! command -v node > /dev/null; then
    echo "soketi: skipped: npm/node not found (install Node.js 18 or 20 to compare with Soketi)"
    return
  fi
  if [[ ! -f $SOKETI_DIR/node_modules/@soketi/soketi/bin/server.js ]]; then
    echo "soketi: installing @soketi/soketi@1.6.1 into $SOKETI_DIR (about a minute)"
    mkdir -p "$SOKETI_DIR"
    cat > "$SOKETI_DIR/package.json" << 'JSON'
{
  "name": "herald-bench-soketi",
  "private": true,
  "dependencies": { "@soketi/soketi": "1.6.1" },
  "overrides": { "uWebSockets.js": "npm:@trufflesuite/uws-js-unofficial@20.30.0-unofficial.0" }
}
JSON
    if ! (cd "$SOKETI_DIR" && npm install --no-audit --no-fund --loglevel=error > install.log 2>&1); then
      echo "soketi: skipped: npm install failed, see $SOKETI_DIR/install.log"
      return
    fi
  fi
  SOKETI=yes
}

herald_config() { # $1: extra top-level YAML lines; $2: the file (default herald.yml)
  cat > "$WORK/${2:-herald.yml}" << YAML
host: 127.0.0.1
port: $PORT
event_loop_threads: 1
# One machine opens every connection: per-address limits off (a real deployment keeps them).
max_connections_per_ip: 0
new_connections_per_ip_per_second: 0
$1
${BENCH_HERALD_YAML:-}
apps:
  - id: bench
    key: bench-key
    secret: bench-secret
YAML
}

wait_for_port() { # [PORT]
  local port=${1:-$PORT}
  for _ in $(seq 1 300); do
    if (echo > /dev/tcp/127.0.0.1/$port) 2> /dev/null; then return 0; fi
    sleep 0.1
  done
  echo "server did not open port $port" >&2
  return 1
}

# start_server NAME LOG [HERALD_EXTRA_YAML]
start_server() {
  local server=$1 log=$2
  case $server in
    baseline-flush | baseline-coalesce)
      taskset -c 0 java $SERVER_JVM_OPTS -cp "$BENCH_JAR" dev.herald.bench.BaselineServer \
        --port "$PORT" --mode "${server#baseline-}" > "$log" 2>&1 &
      ;;
    herald)
      herald_config "${3:-}"
      taskset -c 0 java $SERVER_JVM_OPTS -jar "$SERVER_JAR" serve --config "$WORK/herald.yml" \
        > "$log" 2>&1 &
      ;;
    herald-unpinned)
      # The variant the issue asks beside the pinned one: two event loops, no core pinning (the
      # client is not pinned either), so Herald may use both cores.
      herald_config "${3:-}"
      sed -i 's/^event_loop_threads: 1$/event_loop_threads: 2/' "$WORK/herald.yml"
      java $SERVER_JVM_OPTS -jar "$SERVER_JAR" serve --config "$WORK/herald.yml" > "$log" 2>&1 &
      ;;
    herald-2-nodes)
      # A private Redis and node B (the one triggers go to), all on core 0 with node A.
      local redis_port=$((PORT + 2)) node_b=$((PORT + 1))
      taskset -c 0 redis-server --port "$redis_port" --bind 127.0.0.1 --save "" \
        --appendonly no > "$log.redis" 2>&1 &
      CLUSTER_PIDS+=($!)
      wait_for_port "$redis_port"
      herald_config "redis:
  url: redis://127.0.0.1:$redis_port" herald.yml
      sed "s/^port: $PORT\$/port: $node_b/" "$WORK/herald.yml" > "$WORK/herald-b.yml"
      taskset -c 0 java $SERVER_JVM_OPTS -jar "$SERVER_JAR" serve --config "$WORK/herald-b.yml" \
        > "$log.b" 2>&1 &
      CLUSTER_PIDS+=($!)
      wait_for_port "$node_b"
      taskset -c 0 java $SERVER_JVM_OPTS -jar "$SERVER_JAR" serve --config "$WORK/herald.yml" \
        > "$log" 2>&1 &
      ;;
    soketi)
      taskset -c 0 env SOKETI_HOST=127.0.0.1 SOKETI_METRICS_HOST=127.0.0.1 \
        SOKETI_CLUSTER_UNICAST_ADDRESSES=127.0.0.1 SOKETI_PORT="$PORT" \
        SOKETI_DEFAULT_APP_ID=bench SOKETI_DEFAULT_APP_KEY=bench-key \
        SOKETI_DEFAULT_APP_SECRET=bench-secret \
        node "$SOKETI_DIR/node_modules/@soketi/soketi/bin/server.js" start > "$log" 2>&1 &
      ;;
    *) echo "unknown server $server" >&2; exit 1 ;;
  esac
  SERVER_PID=$!
  wait_for_port
}

stop_server() {
  kill "$SERVER_PID" 2> /dev/null || true
  wait "$SERVER_PID" 2> /dev/null || true
  SERVER_PID=
  for pid in "${CLUSTER_PIDS[@]}"; do
    kill "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
  done
  CLUSTER_PIDS=()
}

# client SERVER CLASS OPTIONS…: runs one scenario class against the running server, pinned to core 1
# (not pinned against herald-unpinned).
client() {
  local server=$1 class=$2
  shift 2
  local jvm=true pin=(taskset -c 1)
  [[ $server == soketi ]] && jvm=false
  [[ $server == herald-unpinned ]] && pin=()
  "${pin[@]}" java $CLIENT_JVM_OPTS -cp "$BENCH_JAR" "dev.herald.bench.$class" \
    --url "http://127.0.0.1:$PORT" --app-id bench --key bench-key --secret bench-secret \
    --server "$server" --server-pid "$SERVER_PID" --clk-tck "$(getconf CLK_TCK)" --jvm "$jvm" "$@"
}

servers_for() { # the servers a scenario runs against, in order
  local list
  case $1 in
    S1 | S3 | S5) list="baseline-coalesce herald soketi" ;;
    S2) list="baseline-flush baseline-coalesce herald herald-unpinned soketi" ;;
    S4 | S6) list="herald soketi" ;;
    X) list="herald herald-2-nodes" ;;
  esac
  list=${BENCH_SERVERS:-$list}
  for s in $list; do
    if [[ $s == soketi && $SOKETI != yes ]]; then continue; fi
    echo "$s"
  done
}

# scenario ID CLASS TITLE OPTIONS…: runs CLASS against each server, then the scenario's report.
scenario() {
  local id=$1 class=$2 title=$3
  shift 3
  local files=()
  for server in $(servers_for "$id"); do
    local log=$WORK/$id-$server.log extra=
    [[ $id == S4 && $server == herald ]] && extra="max_outbound_bytes: $S4_MAX_OUTBOUND
activity_timeout: 120"
    start_server "$server" "$log" "$extra"
    echo "== $id $server (pid $SERVER_PID)"
    local more=()
    [[ $id == S4 && $server == herald ]] && more=(--server-log "$log"
      --slow-log-pattern "closed as a slow consumer" --server-limit-bytes "$S4_MAX_OUTBOUND")
    [[ $server == herald-2-nodes ]] && more=(--publish-url "http://127.0.0.1:$((PORT + 1))"
      --also-cpu-pids "$(IFS=,; echo "${CLUSTER_PIDS[*]}")")
    if client "$server" "$class" --out "$WORK/$id-$server.json" "$@" "${more[@]}"; then
      files+=("$WORK/$id-$server.json")
    else
      echo "!! $id against $server failed; server log: $(tail -5 "$log")" >&2
    fi
    stop_server
  done
  if ((${#files[@]})); then
    java -cp "$BENCH_JAR" dev.herald.bench.Report --scenario "$id" --title "$title" \
      --out "$WORK/$id" "${files[@]}"
    cat "$WORK/$id.md" >> "$WORK/report.md"
    SECTIONS+=("$id")
  fi
}

SECTIONS=()
want() { [[ ",$SCENARIOS," == *",$1,"* ]]; }
if want S1 || want S2 || want S3 || want S4 || want S5 || want S6; then ensure_soketi; fi
START=$(date +%s)

want S1 && scenario S1 IdleRun \
  "S1 idle hold: $S1_LEVELS idle subscribed connections" \
  --levels "$S1_LEVELS" --warmup "$S1_WARMUP" --settle-seconds 3
want S2 && scenario S2 LoadRun \
  "S2 fan-out: $S2_SUBSCRIBERS subscribers on channel $S2_CHANNEL, rates $S2_RATES msg/s, ${S2_SECONDS}s per step (at least 50 messages)" \
  --channel "$S2_CHANNEL" --subscribers "$S2_SUBSCRIBERS" --rates "$S2_RATES" \
  --seconds "$S2_SECONDS" --warmup-seconds "$S2_WARMUP"
want S3 && scenario S3 ChannelsRun \
  "S3 many channels: $S3_CONNECTIONS connections × (private-user-i + one of $S3_GROUPS groups), batches of 10 events (9 personal + 1 group) at $S3_RATES batches/s, ${S3_SECONDS}s per step" \
  --connections "$S3_CONNECTIONS" --groups "$S3_GROUPS" --batch 10 --rates "$S3_RATES" \
  --seconds "$S3_SECONDS" --warmup-seconds "$S3_WARMUP" --warmup-rate "$S3_WARMUP_RATE"
want S4 && scenario S4 SlowRun \
  "S4 slow consumers: $S4_SUBSCRIBERS subscribers, $S4_PAYLOAD-byte events at $S4_RATE msg/s, ${S4_REFERENCE}s all reading (A) then ${S4_SECONDS}s with 1 % stalled (B); Herald max_outbound_bytes $S4_MAX_OUTBOUND, activity_timeout 120" \
  --subscribers "$S4_SUBSCRIBERS" --stall-percent 1 --rate "$S4_RATE" --payload "$S4_PAYLOAD" \
  --reference-seconds "$S4_REFERENCE" --seconds "$S4_SECONDS" --warmup-seconds "$S4_WARMUP" --resume-seconds 5 \
  --receive-buffer 131072
want S5 && scenario S5 ChurnRun \
  "S5 churn: $S5_STEADY steady subscribers; churners connect+subscribe+close at $S5_RATE/s for ${S5_SECONDS}s (half with a close handshake, half dropping TCP)" \
  --steady "$S5_STEADY" --rate "$S5_RATE" --seconds "$S5_SECONDS" --warmup-seconds 5 \
  --publish-rate 5 --settle-seconds 30
want S6 && scenario S6 PresenceRun \
  "S6 presence storms: $S6_ROOMS rooms × (40 steady + 20 churning members), joins at $S6_RATES/s (leave 500 ms after each join), ${S6_SECONDS}s per step" \
  --rooms "$S6_ROOMS" --steady 40 --churners 20 --rates "$S6_RATES" --seconds "$S6_SECONDS" \
  --warmup-seconds 3 --hold-ms 500
want X && scenario X LoadRun \
  "X cross-node fan-out: $X_SUBSCRIBERS subscribers on node A, triggers to node B over Redis (herald-2-nodes: CPU of both nodes + Redis), beside one node (herald), rates $X_RATES msg/s, ${X_SECONDS}s per step (at least 50 messages)" \
  --channel xbench --subscribers "$X_SUBSCRIBERS" --rates "$X_RATES" \
  --seconds "$X_SECONDS" --warmup-seconds 5
if want jmh; then
  echo "== jmh"
  "$ROOT/herald-bench/jmh.sh" "${JMH_ARGS[@]}" --out "$WORK/jmh"
  cat "$WORK/jmh.md" >> "$WORK/report.md"
  cp "$WORK/jmh.json" "$WORK/jmh-results.json"
  SECTIONS+=(jmh)
fi

{
  echo "# Benchmark run $STAMP ($MODE)"
  echo
  echo "Machine: $(nproc) CPUs, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -1)$(command -v node > /dev/null && echo ", node $(node --version)"), ulimit -n $(ulimit -n)."
  echo "Server JVM: $SERVER_JVM_OPTS; client JVM: $CLIENT_JVM_OPTS; server on core 0, client + publisher on core 1. Took $(( ($(date +%s) - START) / 60 )) min."
  echo
  cat "$WORK/report.md" 2> /dev/null || true
} > "$RESULTS/$STAMP.md"
{
  echo "{"
  sep=
  for id in "${SECTIONS[@]}"; do
    file=$WORK/$id.json
    [[ $id == jmh ]] && file=$WORK/jmh-results.json
    printf '%s"%s": ' "$sep" "$id"
    cat "$file"
    sep=$',\n'
  done
  echo "}"
} > "$RESULTS/$STAMP.json"
echo "wrote $RESULTS/$STAMP.md and .json"
cat "$RESULTS/$STAMP.md"
