#!/usr/bin/env bash
# The 512 MiB container settings against the verified-token cache, side by side: for each variant
# (JVM options, cache size, how many different citizens' tokens are read) one instance is started
# without Flyway, as the replicas run, warmed for 30 s with status reads, then measured for 20 s
# (wrk, 64 connections): req/s, the service's CPU per read from /proc, idle and peak RSS.
# Needs the database and tokens a bench/run.sh run left (idcard_bench, target/bench/tokens-10000.txt).
#
#   bench/container-heap.sh > bench/results/session8/container-heap.md
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-target/bench}
PORT=${PORT:-8090}
DB_NAME=${DB_NAME:-idcard_bench}
DURATION=${DURATION:-20}
APP=target/quarkus-app/quarkus-run.jar
COMMON="-XX:+UseSerialGC -Xms32m -XX:MaxDirectMemorySize=32m -Xss512k -XX:+ExitOnOutOfMemoryError"
# A cache smaller than the 10 000 citizens polling (deploy/k8s sets 10 000), and a population that fits it.
CACHE=${CACHE:-8000}
head -n "$CACHE" "$WORK/tokens-10000.txt" >"$WORK/tokens-$CACHE.txt"

run() { # NAME "JVM options" CACHE_SIZE TOKENS_FILE
  local name=$1 opts=$2 cache=$3 tokens=$4 pid c0 c1 idle peak
  QUARKUS_FLYWAY_ACTIVE=false DB_NAME=$DB_NAME QUARKUS_PROFILE=sandbox PORT=$PORT MALLOC_ARENA_MAX=2 \
    IDCARD_JWT_VERIFIED_CACHE_SIZE=$cache java $COMMON $opts -jar "$APP" >"$WORK/container-heap-$name.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$WORK/container-heap-$name.log" >&2; return 1; }
    sleep 0.1
  done
  idle=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  TOKENS=$tokens WRK_JSON=/dev/null wrk -t2 -c64 -d30s -s bench/status.lua "http://127.0.0.1:$PORT" >/dev/null 2>&1
  c0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  TOKENS=$tokens WRK_JSON="$WORK/container-heap-$name.json" wrk -t2 -c64 -d"${DURATION}s" -s bench/status.lua \
    "http://127.0.0.1:$PORT" >/dev/null 2>&1
  c1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  peak=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status")
  python3 - "$name" "$opts" "$cache" "$(wc -l <"$tokens")" "$WORK/container-heap-$name.json" "$c0" "$c1" "$(getconf CLK_TCK)" "$idle" "$peak" <<'PY'
import json, sys
name, opts, cache, tokens, path, c0, c1, hz, idle, peak = sys.argv[1:]
d = json.load(open(path))
cpu = (int(c1) - int(c0)) / float(hz) * 1e6 / d["requests"]
print(f"| {name} | `{opts}` | {cache} | {tokens} | {d['rps']:.0f} | {cpu:.0f} µs | "
      f"{d['errors_status'] + d['errors_timeout']} | {idle} MB | {peak} MB |")
PY
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "| variant | JVM options (besides $COMMON) | token cache | citizens' tokens read | req/s | service CPU per read | errors | idle RSS | peak RSS |"
echo "|---|---|---|---|---|---|---|---|---|"
run c1-64m-cache20000-10k "-Xmx64m -XX:TieredStopAtLevel=1" 20000 "$WORK/tokens-10000.txt"
run c2-64m-cache20000-10k "-Xmx64m" 20000 "$WORK/tokens-10000.txt"
run c1-96m-cache20000-10k "-Xmx96m -XX:TieredStopAtLevel=1" 20000 "$WORK/tokens-10000.txt"
run "c1-64m-cache$CACHE-10k" "-Xmx64m -XX:TieredStopAtLevel=1" "$CACHE" "$WORK/tokens-10000.txt"
run "c1-64m-cache$CACHE-$CACHE" "-Xmx64m -XX:TieredStopAtLevel=1" "$CACHE" "$WORK/tokens-$CACHE.txt"
run "c2-128m-cache20000-$CACHE" "-Xmx128m" 20000 "$WORK/tokens-$CACHE.txt"
