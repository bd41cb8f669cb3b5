#!/usr/bin/env bash
# The benchmark in one command: builds the service, starts it in the sandbox profile against its own
# PostgreSQL database, seeds data, runs the scenarios and writes the report (Markdown, JSON, SVG
# charts) under bench/results/. See docs/operations.md, "Benchmark".
#
#   bench/run.sh                  everything (about 15 minutes)
#   SCENARIOS="status login" bench/run.sh     only some: status login journey scale resources scaleout
#   DURATION=10 bench/run.sh      seconds per measured run (default 20)
#
# Only loopback addresses are used. Ports 8090/8091 (instances) and 8089 (nginx) by default.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
B=$ROOT/bench
OUT=${OUT:-$B/results}
WORK=${WORK:-$ROOT/target/bench}
export DB_NAME=${DB_NAME:-idcard_bench}
export DB_HOST=${DB_HOST:-127.0.0.1} DB_PORT=${DB_PORT:-5432} DB_USER=${DB_USER:-postgres}
PORT1=${PORT1:-8090}
PORT2=${PORT2:-8091}
LB_PORT=${LB_PORT:-8089}
BARE_PORT=${BARE_PORT:-8088}
DURATION=${DURATION:-20}
SCENARIOS=${SCENARIOS:-"status login journey scale resources scaleout"}
JDK17=${JDK17:-$(ls -d /usr/lib/jvm/java-17-openjdk-* 2>/dev/null | head -1)}
JDK25=${JDK25:-$(ls -d /usr/lib/jvm/temurin-25-jdk-* 2>/dev/null | head -1)}
OPEN_RATES=${OPEN_RATES:-"1000 2000 4000"}
JOURNEY_RATE=${JOURNEY_RATE:-100}
# A lower arrival rate the service should sustain, measured as well, so the per-step latencies mean something.
JOURNEY_SUSTAINED=${JOURNEY_SUSTAINED:-10}
# Seconds of status reads before a measured one: every token is used (and verified) at least once.
WARMUP=${WARMUP:-30}
LOGIN_CONCURRENCY=${LOGIN_CONCURRENCY:-32}
# No cap on the code cache: at 48 MB it filled up under the journey and the JIT thrashed (sweeping and recompiling).
JVM_OPTS=${JVM_OPTS:-"-XX:+UseSerialGC -Xms32m -Xmx128m -XX:MaxDirectMemorySize=32m -Xss512k"}
# The settings for a 512 MiB container (README, deploy/k8s): a 64 MB heap and the C1 compiler only
# (C2's code and compilation arenas are the difference between ~285 and ~245 MB of peak RSS).
CONTAINER_JVM_OPTS=${CONTAINER_JVM_OPTS:-"-XX:+UseSerialGC -Xms32m -Xmx64m -XX:TieredStopAtLevel=1 -XX:MaxDirectMemorySize=32m -Xss512k -XX:+ExitOnOutOfMemoryError"}
# As deploy/k8s: the verified-token cache sized to that heap (docs/operations.md, "Memory"), 10 000 tokens,
# as many as the status runs' citizens; bench/container-heap.sh compares cache sizes and populations.
CONTAINER_TOKEN_CACHE=${CONTAINER_TOKEN_CACHE:-10000}
# glibc makes an arena a thread by default; two keep the native heap of a small JVM small.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
APP=${APP:-$ROOT/target/quarkus-app/quarkus-run.jar}
export PGHOST=$DB_HOST PGPORT=$DB_PORT PGUSER=$DB_USER
[ -n "${DB_PASSWORD:-}" ] && export PGPASSWORD=$DB_PASSWORD
PSQL="psql -X -q -v ON_ERROR_STOP=1 -d $DB_NAME"
JAVA_TOOL=${JAVA_TOOL:-$JDK17/bin/java}
GEN="$JAVA_TOOL -XX:+UseSerialGC -Xmx512m -cp $WORK/gen LoadGen"

mkdir -p "$OUT" "$WORK"
# Compiled once, so that no run pays for the source launcher's compilation.
"$(dirname "$JAVA_TOOL")/javac" -d "$WORK/gen" "$B/LoadGen.java"
for tool in wrk psql curl python3; do
  command -v $tool >/dev/null || { echo "missing $tool (apt-get install wrk postgresql-client curl python3 nginx-light)" >&2; exit 1; }
done
want() { [[ " $SCENARIOS " == *" $1 "* ]]; }
log() { echo "[$(date +%H:%M:%S)] $*" | tee -a "$OUT/run.log"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

# start_instance PORT JAVA [extra JVM options...] -> sets STARTED_PID, STARTUP_MS
start_instance() {
  local port=$1 java=$2; shift 2
  local t0 t1
  t0=$(date +%s%N)
  QUARKUS_PROFILE=sandbox PORT=$port \
    "$java" $JVM_OPTS "$@" -jar "$APP" >"$WORK/instance-$port.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  for _ in $(seq 1 3000); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; then
      t1=$(date +%s%N)
      STARTUP_MS=$(( (t1 - t0) / 1000000 ))
      return 0
    fi
    kill -0 "$STARTED_PID" 2>/dev/null || { tail -30 "$WORK/instance-$port.log" >&2; return 1; }
    sleep 0.01
  done
  echo "instance on $port did not get ready" >&2
  return 1
}

stop_instance() {
  local pid=$1
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.05; done
  kill -9 "$pid" 2>/dev/null || true
}

rss_peak_mb() { awk '/VmHWM/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }
rss_now_mb() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# thread_ticks PID: CPU ticks per group of threads ("C2 CompilerThread0" and "...1" are one group), tab-separated.
thread_ticks() {
  local t stat rest
  for t in /proc/"$1"/task/*; do
    stat=$(cat "$t/stat" 2>/dev/null) || continue
    rest=${stat##*) }
    # comm may hold spaces; after ") " come state, ppid, ... utime is the 12th field, stime the 13th.
    echo "$(cat "$t/comm" 2>/dev/null | sed -E 's/[-#]?[0-9]+$//')	$(echo "$rest" | awk '{print $12 + $13}')"
  done | awk -F'\t' '{a[$1] += $2} END {for (k in a) print k "\t" a[k]}'
}
# CPU ticks of all PostgreSQL processes (the pool's backends live through a run).
pg_ticks() { for p in $(pgrep -u postgres); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done | awk '{s += $1} END {print s + 0}'; }
# warm_status TOKENS [URL]: status reads that are not recorded (JIT, pool, each token verified once).
warm_status() {
  TOKENS=$1 WRK_JSON=/dev/null wrk -t2 -c64 -d"${WARMUP}s" -s "$B/status.lua" "${2:-$BASE1}" >/dev/null 2>&1 || true
}

# wrk_status NAME URL CONNECTIONS SECONDS TOKENS -> results/NAME.json
wrk_status() {
  local name=$1 url=$2 conns=$3 secs=$4 tokens=$5
  TOKENS=$tokens WRK_JSON=$OUT/$name.json wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$B/status.lua" "$url" \
    >"$OUT/$name.txt" 2>&1
  log "$name: $(cat "$OUT/$name.json")"
}

# ------------------------------------------------------------------ build and database
echo "{" >"$OUT/machine.json.tmp"
log "load before: $(load)"
echo "$(load)" >"$WORK/load-before"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building"
  JAVA_HOME=$JDK17 ./mvnw -B -q package -DskipTests -Dspotbugs.skip=true
fi
# The status read's floor (scenario status) is built from the service's own jars.
"$(dirname "$JAVA_TOOL")/javac" -nowarn -d "$WORK/gen" -cp "$ROOT/target/quarkus-app/lib/main/*" "$B/BareFloor.java" 2>/dev/null
log "fresh database $DB_NAME"
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)"
scripts/create-db.sh "$DB_NAME" >/dev/null

log "starting instance 1 (JDK 17) on $PORT1"
start_instance "$PORT1" "$JDK17/bin/java"
PID1=$STARTED_PID
FIRST_STARTUP_MS=$STARTUP_MS
log "ready after ${STARTUP_MS} ms (first start: migrations and sandbox keys)"
BASE1=http://127.0.0.1:$PORT1

# ------------------------------------------------------------------ seed
log "seeding citizens for logins and journeys"
$GEN citizens 60000 1 >"$WORK/citizens.csv"
$PSQL <<SQL
CREATE TEMP TABLE seed (iin char(12), phone varchar(16), card varchar(16));
\copy seed FROM '$WORK/citizens.csv' WITH (FORMAT csv)
INSERT INTO sandbox_citizen (iin, phone, last_name, first_name, birth_date, card_number, card_expires_in_days, photo,
        photo_content_type, region_code, created_at)
SELECT s.iin, s.phone, 'Нагрузкин', 'Тест', date '1990-01-01', s.card, 10, p.photo, p.photo_content_type, 'ASTANA', now()
FROM seed s, (SELECT photo, photo_content_type FROM sandbox_citizen WHERE persona = 'ELIGIBLE') p;
SQL
$PSQL -c "VACUUM ANALYZE sandbox_citizen" >/dev/null
head -n 30000 "$WORK/citizens.csv" >"$WORK/citizens-login.csv"
tail -n 30000 "$WORK/citizens.csv" >"$WORK/citizens-journey.csv"
$PSQL -Atc "SELECT value FROM sandbox_secret WHERE name = 'jwt-es256-keypair'" | python3 -c \
  'import sys,codecs; v=sys.stdin.read().strip(); print(codecs.decode(v[2:],"hex").decode() if v.startswith("\\x") else v)' \
  >"$WORK/keypair"

seed_apps() {
  local n=$1
  log "seeding applications up to $n"
  $PSQL -v n="$n" -f "$B/seed-applications.sql" >/dev/null
  # Measure the table, not the aftermath of writing it: vacuum, and flush the dirty pages now
  # rather than in a checkpoint that would run during the measured minutes.
  $PSQL -c "VACUUM ANALYZE application" -c "VACUUM ANALYZE application_event" -c "CHECKPOINT" >/dev/null
}
# mint_tokens N SAMPLE -> $WORK/tokens-N.txt: tokens for SAMPLE applications spread over the first N
mint_tokens() {
  local n=$1 sample=$2
  $PSQL -Atc "SELECT '00' || lpad(i::text, 10, '0') || ',' || md5('bench-application-' || i)::uuid
              FROM (SELECT (1 + floor(random() * $n))::int AS i FROM generate_series(1, $sample)) r" >"$WORK/apps-$n.csv"
  $GEN mint "$WORK/keypair" "$WORK/apps-$n.csv" "$WORK/tokens-$n.txt"
}

seed_apps 10000
mint_tokens 10000 10000
# Warm-up, not recorded: JIT, pools, and every token verified once. A phone polls with the token it
# already used, so the measured runs are those of verified tokens (section 5 shows the cost without).
log "warm-up: status reads for ${WARMUP}s"
warm_status "$WORK/tokens-10000.txt"

# ------------------------------------------------------------------ 1. status read
if want status; then
  log "status read: closed loop, 64 connections, ${DURATION}s"
  CPU0=$(cpu_ticks "$PID1"); PG0=$(pg_ticks);
  T0=$(awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat)
  /usr/bin/time -f '%U %S' -o "$WORK/wrk-cpu" \
    env TOKENS="$WORK/tokens-10000.txt" WRK_JSON="$OUT/status-closed-10k.json" wrk -t2 -c64 -d"${DURATION}s" --latency -s "$B/status.lua" "$BASE1" \
    >"$OUT/status-closed-10k.txt" 2>&1
  log "status-closed-10k: $(cat "$OUT/status-closed-10k.json")"
  CPU1=$(cpu_ticks "$PID1"); PG1=$(pg_ticks); T1=$(awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat)
  # Where the two cores went, per request: the service, PostgreSQL, wrk, everything else.
  python3 - "$OUT" "$CPU0" "$CPU1" "$PG0" "$PG1" "$T0" "$T1" "$(cat "$WORK/wrk-cpu" | tail -1)" "$DURATION" "$(rss_now_mb "$PID1")" "$(getconf CLK_TCK)" "$(rss_peak_mb "$PID1")" <<'PY'
import json, sys
out, c0, c1, p0, p1, t0, t1, wrk, duration, rss, hz, peak = sys.argv[1:]
hz = float(hz)
requests = json.load(open(f"{out}/status-closed-10k.json"))["requests"]
service, pg, total = (float(c1) - float(c0)) / hz, (float(p1) - float(p0)) / hz, (float(t1) - float(t0)) / hz
wrk_s = sum(float(x) for x in wrk.split())
per = lambda s: round(s * 1e6 / requests, 1)
json.dump({"service_cpu_cores": round(service / float(duration), 2), "rss_mb": float(rss), "rss_peak_mb": float(peak),
           "us_per_request": {"service": per(service), "postgres": per(pg), "wrk": per(wrk_s),
                              "other": per(max(0.0, total - service - pg - wrk_s)), "machine": per(total)}},
          open(f"{out}/status-closed-10k.resources.json", "w"))
PY
  # The floor, side by side in the same run: a bare Vert.x + reactive PG handler doing the same select
  # (bench/BareFloor.java, built from the service's own jars), measured with the same wrk settings.
  log "status read floor: bare Vert.x + reactive PG on $BARE_PORT, closed loop, 64 connections, ${DURATION}s"
  "$JDK17/bin/java" $JVM_OPTS -cp "$WORK/gen:$ROOT/target/quarkus-app/lib/main/*" BareFloor "$BARE_PORT" "$DB_HOST" "$DB_PORT" "$DB_NAME" "$DB_USER" \
    >"$WORK/bare-floor.log" 2>&1 &
  BARE_PID=$!
  PIDS+=("$BARE_PID")
  for _ in $(seq 1 100); do grep -q "bare floor on" "$WORK/bare-floor.log" && break; sleep 0.1; done
  TOKENS="$WORK/tokens-10000.txt" WRK_JSON=/dev/null wrk -t2 -c64 -d10s -s "$B/status.lua" "http://127.0.0.1:$BARE_PORT" >/dev/null 2>&1 || true
  TOKENS="$WORK/tokens-10000.txt" WRK_JSON="$OUT/status-bare-floor.json" wrk -t2 -c64 -d"${DURATION}s" --latency -s "$B/status.lua" \
    "http://127.0.0.1:$BARE_PORT" >"$OUT/status-bare-floor.txt" 2>&1
  log "status-bare-floor: $(cat "$OUT/status-bare-floor.json")"
  # On a shared machine a neighbour's burst can land on either run: the ratio is also taken in
  # alternating rounds (service, floor, service, floor...) and the median round reported.
  for round in 1 2 3; do
    for side in service floor; do
      url=$BASE1; [ "$side" = floor ] && url="http://127.0.0.1:$BARE_PORT"
      TOKENS="$WORK/tokens-10000.txt" WRK_JSON="$WORK/round-$round-$side.json" wrk -t2 -c64 -d"${ROUND_SECONDS:-10}s" -s "$B/status.lua" \
        "$url" >/dev/null 2>&1
    done
  done
  stop_instance "$BARE_PID"
  python3 - "$WORK" >"$OUT/status-floor-rounds.json" <<'PY'
import json, statistics, sys
work = sys.argv[1]
rounds = []
for r in (1, 2, 3):
    service, floor = (json.load(open(f"{work}/round-{r}-{side}.json"))["rps"] for side in ("service", "floor"))
    rounds.append({"service_rps": service, "floor_rps": floor, "ratio": round(service / max(floor, 1e-9), 3)})
print(json.dumps({"rounds": rounds, "median_ratio": statistics.median(r["ratio"] for r in rounds)}))
PY
  log "  status read / floor: $(python3 -c "import json;a=json.load(open('$OUT/status-closed-10k.json'));b=json.load(open('$OUT/status-bare-floor.json'));print(round(a['rps']/b['rps'],2))"); alternating rounds: $(cat "$OUT/status-floor-rounds.json")"
  for rate in $OPEN_RATES; do
    log "status read: open loop at $rate/s"
    $GEN open "$BASE1" "$WORK/tokens-10000.txt" "$rate" "$DURATION" "$OUT/status-open-10k-$rate.json" >/dev/null
    log "  $(python3 -c "import json;d=json.load(open('$OUT/status-open-10k-$rate.json'));print(d['achieved_rps'],d['latency'])")"
  done
fi

# ------------------------------------------------------------------ 2. login
if want login; then
  log "login: closed loop, $LOGIN_CONCURRENCY at once, ${DURATION}s"
  $GEN login "$BASE1" "$WORK/citizens-login.csv" "$LOGIN_CONCURRENCY" "$DURATION" "$OUT/login.json" >/dev/null
  log "  $(python3 -c "import json;d=json.load(open('$OUT/login.json'));print(d['logins_per_s'],'logins/s, errors',d['errors'])")"
fi

# ------------------------------------------------------------------ 3. journey
if want journey; then
  # Citizens of the journey file: the measured run takes the first lines, scale-out the next ones,
  # the AOT training the last hundred; the warm-up and the sustained run take theirs from line 25 001.
  # The JIT compiles the journey's code for minutes: the warm-up is long, and the measured CPU is
  # split by thread so that the compiler threads' share is seen apart.
  log "mobile journey: warm-up, 20 per second for 30 s (not recorded)"
  sed -n '25001,25600p' "$WORK/citizens-journey.csv" >"$WORK/journey-warm.csv"
  $GEN journey "$BASE1" "$WORK/journey-warm.csv" 20 30 /dev/null >/dev/null 2>&1 || true
  log "mobile journey: $JOURNEY_SUSTAINED started per second for ${DURATION}s"
  sed -n "25601,$((25600 + JOURNEY_SUSTAINED * DURATION))p" "$WORK/citizens-journey.csv" >"$WORK/journey-sustained.csv"
  thread_ticks "$PID1" >"$WORK/threads-0"
  $GEN journey "$BASE1" "$WORK/journey-sustained.csv" "$JOURNEY_SUSTAINED" "$DURATION" "$OUT/journey-sustained.json" >/dev/null
  thread_ticks "$PID1" >"$WORK/threads-1"
  python3 - "$WORK/threads-0" "$WORK/threads-1" "$OUT/journey-sustained.json" "$(getconf CLK_TCK)" "$DURATION" "$(rss_now_mb "$PID1")" \
    >"$OUT/journey-sustained.resources.json" <<'PY'
import json, sys
before, after, run, hz, duration, rss = sys.argv[1:]
read = lambda f: {l.split("\t")[0]: int(l.split("\t")[1]) for l in open(f) if "\t" in l}
b, a = read(before), read(after)
done = max(1, json.load(open(run))["completed"])
ms = {k: (v - b.get(k, 0)) * 1000 / float(hz) / done for k, v in a.items() if v - b.get(k, 0) > 0}
total = sum(ms.values())
jit = sum(v for k, v in ms.items() if "Compiler" in k)
gc = sum(v for k, v in ms.items() if k.startswith("GC") or k == "VM Thread")
print(json.dumps({"service_cpu_cores": round(total * done / 1000 / float(duration), 2),
                  "service_cpu_ms_per_journey": round(total, 1), "jit_ms_per_journey": round(jit, 1),
                  "gc_ms_per_journey": round(gc, 1), "service_cpu_ms_per_journey_without_jit": round(total - jit, 1),
                  "by_thread_ms_per_journey": {k: round(v, 1) for k, v in sorted(ms.items(), key=lambda kv: -kv[1]) if v >= 0.1},
                  "rss_mb": float(rss)}))
PY
  log "  $(python3 -c "import json;d=json.load(open('$OUT/journey-sustained.json'));print(d['completed_per_s'],'journeys/s, errors',d['errors'],d['journey'])")"
  log "mobile journey: $JOURNEY_RATE started per second for ${DURATION}s"
  head -n $((JOURNEY_RATE * DURATION)) "$WORK/citizens-journey.csv" >"$WORK/journey-1.csv"
  CPU0=$(cpu_ticks "$PID1")
  $GEN journey "$BASE1" "$WORK/journey-1.csv" "$JOURNEY_RATE" "$DURATION" "$OUT/journey.json" >/dev/null
  CPU1=$(cpu_ticks "$PID1")
  echo "{\"service_cpu_cores\": $(python3 -c "print(round(($CPU1-$CPU0)/$(getconf CLK_TCK)/$DURATION,2))"), \"rss_mb\": $(rss_now_mb "$PID1")}" \
    >"$OUT/journey.resources.json"
  log "  $(python3 -c "import json;d=json.load(open('$OUT/journey.json'));print(d['completed_per_s'],'journeys/s, errors',d['errors'],d['journey'])")"
fi

# ------------------------------------------------------------------ 4. scale: 10 k vs 1 M applications
if want scale; then
  for n in 10000 1000000; do
    if [ "$n" != 10000 ]; then
      seed_apps "$n"
      mint_tokens "$n" 10000
      warm_status "$WORK/tokens-$n.txt"
    fi
    log "scale: status read at 2000/s with $n applications"
    $GEN open "$BASE1" "$WORK/tokens-$n.txt" 2000 "$DURATION" "$OUT/scale-$n.json" >/dev/null
    log "  $(python3 -c "import json;d=json.load(open('$OUT/scale-$n.json'));print(d['latency'])")"
    wrk_status "scale-closed-$n" "$BASE1" 64 "$DURATION" "$WORK/tokens-$n.txt"
  done
  $PSQL -Atc "SELECT json_build_object('applications', (SELECT count(*) FROM application),
      'events', (SELECT count(*) FROM application_event),
      'db_size_mb', pg_database_size(current_database()) / 1048576)" >"$OUT/scale-db.json"
fi

# ------------------------------------------------------------------ 5. resources: JDK 17, JDK 25, JDK 25 with an AOT cache
PEAK1=$(rss_peak_mb "$PID1")
echo "{\"instance1_peak_rss_mb\": $PEAK1, \"first_start_ms\": $FIRST_STARTUP_MS}" >"$OUT/instance1.json"
stop_instance "$PID1"
if want resources; then
  resources_run() { # NAME JAVA [options...]
    local name=$1 java=$2; shift 2
    local starts=()
    local n=${STARTS:-3}
    for i in $(seq 1 "$n"); do
      start_instance "$PORT1" "$java" "$@"
      starts+=("$STARTUP_MS")
      if [ "$i" != "$n" ]; then stop_instance "$STARTED_PID"; fi
    done
    local pid=$STARTED_PID
    local idle_rss cpu0 cpu1
    idle_rss=$(rss_now_mb "$pid")
    warm_status "$WORK/tokens-10000.txt"
    cpu0=$(cpu_ticks "$pid")
    wrk_status "resources-$name" "$BASE1" 64 "$DURATION" "$WORK/tokens-10000.txt"
    cpu1=$(cpu_ticks "$pid")
    echo "{\"name\": \"$name\", \"java\": \"$("$java" -version 2>&1 | head -1 | tr -d '"')\", \"start_to_ready_ms\": [$(IFS=,; echo "${starts[*]}")],
      \"token_cache\": ${IDCARD_JWT_VERIFIED_CACHE_SIZE:-20000},
      \"idle_rss_mb\": $idle_rss, \"peak_rss_mb\": $(rss_peak_mb "$pid"),
      \"cpu_cores_under_load\": $(python3 -c "print(round(($cpu1-$cpu0)/$(getconf CLK_TCK)/$DURATION,2))"),
      \"cpu_us_per_request\": $(python3 -c "import json;print(round(($cpu1-$cpu0)*1e6/$(getconf CLK_TCK)/json.load(open('$OUT/resources-$name.json'))['requests'],1))"),
      \"rps\": $(python3 -c "import json;print(json.load(open('$OUT/resources-$name.json'))['rps'])")}" \
      | tr -s ' \n' ' ' >"$OUT/resources-$name.summary.json"
    log "resources $name: $(cat "$OUT/resources-$name.summary.json")"
    stop_instance "$pid"
  }
  resources_run jdk17 "$JDK17/bin/java"
  # As deployed (deploy/k8s): the migration Job migrates, the replicas run without Flyway.
  QUARKUS_FLYWAY_ACTIVE=false IDCARD_JWT_VERIFIED_CACHE_SIZE=$CONTAINER_TOKEN_CACHE JVM_OPTS=$CONTAINER_JVM_OPTS \
    resources_run jdk17-container "$JDK17/bin/java"
  # JDK 17's application class-data sharing: a training run writes the archive at exit.
  log "JDK 17: training run for an AppCDS archive"
  rm -f "$WORK/app17.jsa"
  start_instance "$PORT1" "$JDK17/bin/java" -XX:ArchiveClassesAtExit="$WORK/app17.jsa"
  TOKENS=$WORK/tokens-10000.txt WRK_JSON=/dev/null wrk -t2 -c16 -d10s -s "$B/status.lua" "$BASE1" >/dev/null 2>&1 || true
  kill "$STARTED_PID"; wait "$STARTED_PID" 2>/dev/null || true
  if [ -f "$WORK/app17.jsa" ]; then
    resources_run jdk17-appcds "$JDK17/bin/java" -XX:SharedArchiveFile="$WORK/app17.jsa"
  fi
  # The same with every token's signature checked on every request (the state before the cache).
  STARTS=1 IDCARD_JWT_VERIFIED_CACHE_SIZE=0 resources_run jdk17-token-cache-off "$JDK17/bin/java"
  # The same with the access log on (IDCARD_ACCESS_LOG=true), to show what it costs.
  STARTS=1 IDCARD_ACCESS_LOG=true resources_run jdk17-access-log "$JDK17/bin/java"
  if [ -x "$JDK25/bin/java" ]; then
    resources_run jdk25 "$JDK25/bin/java"
    log "JDK 25: training run for the AOT cache (JEP 483/515)"
    rm -f "$WORK/app.aot"
    start_instance "$PORT1" "$JDK25/bin/java" -XX:AOTCacheOutput="$WORK/app.aot"
    TOKENS=$WORK/tokens-10000.txt WRK_JSON=/dev/null wrk -t2 -c16 -d10s -s "$B/status.lua" "$BASE1" >/dev/null 2>&1 || true
    awk 'NR > 29900' "$WORK/citizens-journey.csv" >"$WORK/journey-train.csv"
    $GEN journey "$BASE1" "$WORK/journey-train.csv" 10 2 /dev/null >/dev/null 2>&1 || true
    kill "$STARTED_PID"; wait "$STARTED_PID" 2>/dev/null || true
    if [ -f "$WORK/app.aot" ]; then
      resources_run jdk25-aot "$JDK25/bin/java" -XX:AOTCache="$WORK/app.aot"
      QUARKUS_FLYWAY_ACTIVE=false IDCARD_JWT_VERIFIED_CACHE_SIZE=$CONTAINER_TOKEN_CACHE JVM_OPTS=$CONTAINER_JVM_OPTS \
        resources_run jdk25-container-aot "$JDK25/bin/java" -XX:AOTCache="$WORK/app.aot"
    else
      log "no AOT cache was written; see $WORK/instance-$PORT1.log"
    fi
  fi
fi

# ------------------------------------------------------------------ 6. scale out: two instances behind nginx
if want scaleout; then
  start_instance "$PORT1" "$JDK17/bin/java"; PID1=$STARTED_PID
  start_instance "$PORT2" "$JDK17/bin/java"; PID2=$STARTED_PID
  sed -e "s#@WORK@#$WORK#g" -e "s#@LB_PORT@#$LB_PORT#g" -e "s#@PORT1@#$PORT1#g" -e "s#@PORT2@#$PORT2#g" \
    "$B/nginx.conf" >"$WORK/nginx.conf"
  nginx -c "$WORK/nginx.conf" -p "$WORK"
  LB=http://127.0.0.1:$LB_PORT
  for _ in $(seq 1 100); do curl -sf -o /dev/null "$LB/q/health/ready" && break; sleep 0.05; done
  log "scale-out: an OTP asked through :$PORT1 and verified through :$PORT2"
  ONE=$(sed -n "$((JOURNEY_RATE * DURATION + 1))p" "$WORK/citizens-journey.csv")
  IIN=${ONE%%,*}; PHONE=$(echo "$ONE" | cut -d, -f2)
  CH=$(curl -sf -H 'Content-Type: application/json' -d "{\"iin\":\"$IIN\",\"phone\":\"$PHONE\"}" "http://127.0.0.1:$PORT1/api/v1/auth/otp" \
    | python3 -c 'import sys,json;print(json.load(sys.stdin)["challengeId"])')
  CODE=$(curl -sf "http://127.0.0.1:$PORT2/api/v1/sandbox/sms?phone=${PHONE/+/%2B}" | python3 -c \
    'import sys,json,re;print(re.search(r"(?<![0-9])[0-9]{6}(?![0-9])",json.load(sys.stdin)[0]["text"]).group())')
  VERIFY=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "{\"code\":\"$CODE\"}" \
    "http://127.0.0.1:$PORT2/api/v1/auth/otp/$CH/verify")
  echo "{\"otp_requested_on\": $PORT1, \"verified_on\": $PORT2, \"verify_status\": $VERIFY}" >"$OUT/scaleout-otp.json"
  log "  verify through the other instance: HTTP $VERIFY"

  # At the sustained rate, after a warm-up of both instances: what is shown is that a journey
  # completes whichever instance serves each step, not how an overloaded machine sheds load.
  START=$((JOURNEY_RATE * DURATION + 2))
  awk -v from="$START" -v n=200 'NR >= from && NR < from + n' "$WORK/citizens-journey.csv" >"$WORK/journey-2-warm.csv"
  awk -v from="$((START + 200))" -v n=$((JOURNEY_SUSTAINED * DURATION)) 'NR >= from && NR < from + n' "$WORK/citizens-journey.csv" \
    >"$WORK/journey-2.csv"
  log "scale-out: warm-up, 200 journeys alternating between the instances (not recorded)"
  $GEN journey "http://127.0.0.1:$PORT1,http://127.0.0.1:$PORT2" "$WORK/journey-2-warm.csv" 20 10 /dev/null >/dev/null 2>&1 || true
  log "scale-out: $JOURNEY_SUSTAINED journeys per second alternating between the two instances, step by step"
  $GEN journey "http://127.0.0.1:$PORT1,http://127.0.0.1:$PORT2" "$WORK/journey-2.csv" "$JOURNEY_SUSTAINED" "$DURATION" \
    "$OUT/scaleout-journey-alternating.json" >/dev/null
  log "  $(python3 -c "import json;d=json.load(open('$OUT/scaleout-journey-alternating.json'));print(d['completed_per_s'],'journeys/s, errors',d['errors'])")"
  log "scale-out: status read through nginx (two instances) vs nginx with one"
  warm_status "$WORK/tokens-10000.txt" "$LB"
  wrk_status scaleout-status-2-instances "$LB" 64 "$DURATION" "$WORK/tokens-10000.txt"
  $GEN open "$LB" "$WORK/tokens-10000.txt" 2000 "$DURATION" "$OUT/scaleout-open-2-instances.json" >/dev/null
  stop_instance "$PID2"
  for _ in $(seq 1 50); do curl -sf -o /dev/null "$LB/q/health/ready" && break; sleep 0.1; done
  wrk_status scaleout-status-1-instance "$LB" 64 "$DURATION" "$WORK/tokens-10000.txt"
  $GEN open "$LB" "$WORK/tokens-10000.txt" 2000 "$DURATION" "$OUT/scaleout-open-1-instance.json" >/dev/null
  kill "$(cat "$WORK/nginx.pid")"; rm -f "$WORK/nginx.pid"
  stop_instance "$PID1"
fi

log "load after: $(load)"
python3 - "$OUT" "$(cat "$WORK/load-before")" "$(load)" "$DURATION" <<'EOF'
import json, sys, platform, os, subprocess
out, before, after, duration = sys.argv[1:5]
info = {"load_before": before, "load_after": after, "duration_s": int(duration), "cpus": os.cpu_count(),
        "kernel": platform.release(),
        "postgres": subprocess.run(["psql", "-X", "-Atc", "show server_version", "-d", "postgres"], capture_output=True, text=True).stdout.strip(),
        "wrk": "wrk 4.1.0 (Debian)"}
json.dump(info, open(os.path.join(out, "machine.json"), "w"), indent=1)
EOF
rm -f "$OUT/machine.json.tmp"
python3 "$B/report.py" "$OUT"
log "report: $OUT/report.md"
