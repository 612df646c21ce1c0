#!/usr/bin/env bash
# Import and export benchmark: the application's file-import and file-export jobs against clickhouse-client on the
# same file, table and server, in one run.
#
#   scripts/benchmark.sh [ROWS ...]        default: 1000000 5000000
#
# For each row count: generates an 8-column CSV with a header (ints, floats, quoted strings with commas and doubled
# quotes, dates, date-times, Nullable columns with NULLs and empty strings; ~97 bytes a row, 5 M rows ≈ 480 MB) into
# the application's landing directory, creates two identical MergeTree tables, imports the file with
# `clickhouse-client ... INSERT ... FORMAT CSVWithNames` and with the application's job through the REST API, checks
# that row counts and per-column checksums match (exit 1 if not), and prints both times, rows/s, the ratio, the CPU
# seconds of each side (client or JVM, and the ClickHouse server when it runs here), where the job's time went, and
# the JVM's heap during the job (from its GC log). Then it exports the table clickhouse-client filled, in key order,
# with `clickhouse-client ... ORDER BY id FORMAT CSVWithNames` and with the file-export job, loads the job's file back
# with clickhouse-client and checks its count and checksums against the table, and prints the same figures. Imports
# and exports of 500 000 rows run first, untimed, until the JVM's JIT compiler has settled.
# Everything it starts (ClickHouse, Payara Micro) is stopped at the end; the machine's load average is printed with
# every figure, as the figures mean little on a busy machine.
#
# Environment:
#   CLICKHOUSE_URL, CLICKHOUSE_TCP_PORT  use this ClickHouse (HTTP URL for the application, native port for the
#                                        client; default: a throwaway server from scripts/clickhouse.sh)
#   CLICKHOUSE_DIR                       its scripts/clickhouse.sh directory, if any (for the server's CPU time)
#   BENCH_CHUNK_SIZE                     chunkSize of the import (default: the application's default)
#   BENCH_REPEAT                         imports per row count and tool (default 1)
#   BENCH_JAVA_OPTS                      JVM options of Payara Micro (default: scripts/run.sh's)
#   BENCH_DIR                            work directory (default: a new /tmp/flatingest-bench.XXXXXX, deleted at
#                                        the end unless BENCH_KEEP=1)
#   BENCH_EXPORT=0                       imports only
#   BENCH_HEAP_PROBE_SECONDS             also force a full GC (jcmd GC.run) this often during the application's
#                                        imports and report the largest live heap it leaves (perturbs the timing)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@")
((${#sizes[@]})) || sizes=(1000000 5000000)
repeat=${BENCH_REPEAT:-1}

say() { printf 'benchmark: %s\n' "$*" >&2; }
die() { say "FAILED: $*"; exit 1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s.%N; }
# CPU time (ticks) a process used so far, "" when unknown; and the seconds between two such readings.
cpu_ticks() {
    [[ -n "${1:-}" && -r /proc/${1:-x}/stat ]] || return 0
    python3 -c 'import sys; s = open("/proc/%s/stat" % sys.argv[1]).read(); f = s[s.rindex(")") + 2:].split()
print(int(f[11]) + int(f[12]))' "$1"
}
cpu_seconds() {
    if [[ -n "$1" && -n "$2" ]]; then python3 -c "import os; print('%.2f' % (($2 - $1) / os.sysconf('SC_CLK_TCK')))"; else echo "?"; fi
}
# CPU ticks per thread of a process ("tid ticks name" lines), and the CPU seconds per kind of thread between two such
# snapshots, largest first (thread names as Linux keeps them: 15 characters, numbers dropped to group pools).
thread_ticks() {
    [[ -n "${1:-}" && -d /proc/${1:-x}/task ]] || return 0
    python3 -c '
import os, sys
for tid in os.listdir("/proc/%s/task" % sys.argv[1]):
    try:
        s = open("/proc/%s/task/%s/stat" % (sys.argv[1], tid)).read()
    except OSError:
        continue
    f = s[s.rindex(")") + 2:].split()
    print(tid, int(f[11]) + int(f[12]), s[s.index("(") + 1:s.rindex(")")])' "$1"
}
thread_seconds() {
    python3 - "$1" "$2" <<'EOF_PY'
import collections, os, re, sys
def read(path):
    rows = {}
    for line in open(path):
        tid, ticks, name = line.rstrip("\n").split(" ", 2)
        rows[tid] = (int(ticks), name)
    return rows
before, after = read(sys.argv[1]), read(sys.argv[2])
spent = collections.Counter()
for tid, (ticks, name) in after.items():
    spent[re.sub(r"[0-9#]+", "", name).strip(" -/")] += ticks - before.get(tid, (0, name))[0]
hz = os.sysconf("SC_CLK_TCK")
print(", ".join("%s %.2f" % (name, t / hz) for name, t in spent.most_common(6) if t > 0))
EOF_PY
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

for tool in java python3 curl clickhouse-client; do
    command -v "$tool" >/dev/null || die "$tool is needed"
done

# --- build (only when the WAR is missing or older than a source) ----------------------------------------------
war="$root/ingestion-web/target/ingestion-web-micro.war"
micro="$root/ingestion-web/target/payara/payara-micro.jar"
if [[ ! -f "$war" || ! -f "$micro" ]] || [[ -n "$(find "$root"/ingestion-*/src/main "$root"/pom.xml \
        "$root"/ingestion-*/pom.xml -newer "$war" -type f 2>/dev/null | head -1)" ]]; then
    say "building (mvn -o -q -DskipTests package)"
    (cd "$root" && mvn -o -q -B -DskipTests package) || die "build failed"
fi

# --- work directory, cleanup ----------------------------------------------------------------------------------
work=${BENCH_DIR:-$(mktemp -d /tmp/flatingest-bench.XXXXXX)}
mkdir -p "$work/landing"
work=$(cd "$work" && pwd)
payara_pid=""
started_clickhouse=""
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [[ -n "$payara_pid" ]]; then
        kill "$payara_pid" 2>/dev/null || true
        wait "$payara_pid" 2>/dev/null || true
    fi
    if [[ -n "$started_clickhouse" ]]; then "$root/scripts/clickhouse.sh" stop "$started_clickhouse" || true; fi
    if [[ "${BENCH_KEEP:-}" == 1 || $status -ne 0 ]]; then
        say "work directory kept: $work"
    else
        rm -rf "$work"
    fi
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- ClickHouse -------------------------------------------------------------------------------------------------
if [[ -z "${CLICKHOUSE_URL:-}" ]]; then
    eval "$("$root/scripts/clickhouse.sh" start "$(mktemp -d /tmp/flatingest-clickhouse.XXXXXX)")"
    started_clickhouse=$CLICKHOUSE_DIR
    say "ClickHouse $CLICKHOUSE_VERSION started at $CLICKHOUSE_URL (native port $CLICKHOUSE_TCP_PORT)"
fi
ch_host=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.urlparse(sys.argv[1]).hostname)' "$CLICKHOUSE_URL")
ch() { clickhouse-client --host "$ch_host" --port "${CLICKHOUSE_TCP_PORT:-9000}" "$@"; }
ch --query "SELECT 1" >/dev/null || die "clickhouse-client cannot reach $ch_host:${CLICKHOUSE_TCP_PORT:-9000}"
ch_version=$(ch --query "SELECT version()")
# The server's process, for its CPU time: known when it runs here from scripts/clickhouse.sh (CLICKHOUSE_DIR).
ch_pid=""
if [[ -n "${CLICKHOUSE_DIR:-}" && -f "$CLICKHOUSE_DIR/pid" ]]; then ch_pid=$(cat "$CLICKHOUSE_DIR/pid"); fi
ch --query "CREATE DATABASE IF NOT EXISTS bench"

# --- Payara Micro, as scripts/run.sh starts it, with a GC log --------------------------------------------------
port=$(free_port)
admin_password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
java_opts=${BENCH_JAVA_OPTS:-$(grep -v '^#' "$root/scripts/payara/java-opts" | tr '\n' ' ')}
"$root/scripts/payara/render-commands.sh" h2 "$work" > "$work/postboot.asadmin"
cp "$war" "$work/flatingest.war"
say "starting Payara Micro on port $port ($java_opts; log: $work/payara-micro.log)"
# shellcheck disable=SC2086
FLATINGEST_DATA_DIR=$work FLATINGEST_CLICKHOUSE_URL=$CLICKHOUSE_URL FLATINGEST_SECURITY_ADMIN_PASSWORD=$admin_password \
    java $java_opts -Xlog:gc:file="$work/gc.log":uptime,level,tags -jar "$micro" \
    --deploy "$work/flatingest.war" --contextroot flatingest --port "$port" \
    --postbootcommandfile "$work/postboot.asadmin" --nocluster --disablephonehome > "$work/payara-micro.log" 2>&1 &
payara_pid=$!
base="http://127.0.0.1:$port/flatingest/api"
for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$port/health/ready" 2>/dev/null | grep -q '"clickhouse"' && break
    kill -0 "$payara_pid" 2>/dev/null || { tail -30 "$work/payara-micro.log" >&2; die "Payara Micro exited"; }
    sleep 1
done
curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || die "application not ready after 5 minutes"

# A bearer token for the administrator this server was started with. Tokens are short-lived (15 minutes by
# default); a new one is taken before every timed job.
login() {
    curl -sf -H 'Content-Type: application/json' -X POST "$base/auth/token" \
        -d "{\"username\":\"admin\",\"password\":\"$admin_password\"}" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])' \
        || die "POST /api/auth/token refused the administrator"
}
token=$(login)

# --- one import each way ------------------------------------------------------------------------------------------
columns="(id UInt64, qty Int32, price Float64, name String, day Date, ts DateTime, discount Nullable(Float64),
          note Nullable(String)) ENGINE = MergeTree ORDER BY id"
# Per column, so that a mismatch names it. Floats are compared in hundredths: ClickHouse 18.16's own CSV parsing is
# not correctly rounded (about 7 values in a million come out one ulp off, 4.94 as 4.9399999999999995), the import's is.
checksum="SELECT count(), sum(cityHash64(id)), sum(cityHash64(qty)), sum(cityHash64(toInt64(round(price * 100)))),
          sum(cityHash64(name)), sum(cityHash64(day)), sum(cityHash64(ts)), countIf(isNull(discount)),
          sum(cityHash64(toInt64(round(ifNull(discount, -1) * 100)))), countIf(isNull(note)), countIf(note = ''),
          sum(cityHash64(ifNull(note, '')))"

# Heap figures from the GC log lines written after byte offset $1: "peak used before GC / peak live after GC /
# committed" (MB) and the number of collections.
heap_since() {
    python3 - "$work/gc.log" "$1" <<'EOF'
import re, sys
unit = {"K": 1 / 1024, "M": 1, "G": 1024}
with open(sys.argv[1], "rb") as f:
    f.seek(int(sys.argv[2]))
    text = f.read().decode("utf-8", "replace")
before = after = committed = live = 0.0
count = 0
for m in re.finditer(r"GC\(\d+\) Pause (\w+).*? (\d+)([KMG])->(\d+)([KMG])\((\d+)([KMG])\)", text):
    count += 1
    before = max(before, int(m.group(2)) * unit[m.group(3)])
    after = max(after, int(m.group(4)) * unit[m.group(5)])
    committed = max(committed, int(m.group(6)) * unit[m.group(7)])
    if m.group(1) == "Full":
        live = max(live, int(m.group(4)) * unit[m.group(5)])
print(f"{before:.0f} {after:.0f} {committed:.0f} {count} {live:.0f}")
EOF
}

# Runs one job through the API ($1: imports or exports, $2: its JSON body), polls it every second (each poll costs the
# server 20-50 ms of CPU, mostly verifying the token again: polled every 250 ms, that took a tenth of a core from the
# job) and takes the time from the request to the end the server recorded, so that the polling interval does not add
# to it. Prints "seconds status/exitStatus where-the-time-went".
run_job() {
    python3 - "$base" "$1" "$2" "$token" "$payara_pid" "${BENCH_HEAP_PROBE_SECONDS:-0}" <<'EOF_PY'
import datetime, json, subprocess, sys, time, urllib.request, urllib.error
base, kind, body, token, pid, probe = sys.argv[1:7]
probe = float(probe)
headers = {"Content-Type": "application/json", "Authorization": "Bearer " + token}
began = time.monotonic()
began_wall = time.time()
try:
    with urllib.request.urlopen(urllib.request.Request(base + "/jobs/" + kind, body.encode(), headers)) as r:
        execution_id = json.load(r)["executionId"]
except urllib.error.HTTPError as e:
    sys.exit("the job was refused: %s %s" % (e.code, e.read().decode()))
accepted = time.monotonic() - began
probed = began
while True:
    if probe > 0 and time.monotonic() - probed >= probe:
        subprocess.run(["jcmd", pid, "GC.run"], stdout=subprocess.DEVNULL)
        probed = time.monotonic()
    with urllib.request.urlopen(urllib.request.Request(base + "/jobs/%d" % execution_id, headers=headers)) as r:
        d = json.load(r)
    # (the execution can show an end while its status still says STARTED, as the integration tests know)
    if d.get("end") and d["status"] not in ("STARTING", "STARTED", "STOPPING") and all(s.get("end") for s in d["steps"]):
        break
    time.sleep(1.0)
seen = time.monotonic() - began
t = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()
elapsed = t(d["end"]) - began_wall
# Where the time went: the request, until the job started, each step (with the gap before it), the job's end, and
# until the poll saw it.
parts = ["accepted=%.2fs" % accepted, "to-start=%.2fs" % (t(d["start"]) - began_wall)]
mark = t(d["start"])
for step in d["steps"]:
    parts.append("%s=%.2fs(+%.2f)" % (step["name"], t(step["end"]) - t(step["start"]), t(step["start"]) - mark))
    mark = t(step["end"])
parts.append("to-end=%.2fs" % (t(d["end"]) - mark))
parts.append("seen=%.2fs" % (began_wall + seen - t(d["end"])))
print("%.2f %s/%s %s" % (elapsed, d["status"], d.get("exitStatus"), " ".join(parts)))
EOF_PY
}

# Runs clickhouse-client with stdin $1 and stdout $2, printing "seconds cpu-seconds" (the CPU time is its rusage).
timed_client() {
    python3 -c '
import resource, subprocess, sys, time
with open(sys.argv[1], "rb") as data, open(sys.argv[2], "wb") as out:
    began = time.monotonic()
    subprocess.run(sys.argv[3:], stdin=data, stdout=out, check=True)
    elapsed = time.monotonic() - began
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.2f %.2f" % (elapsed, usage.ru_utime + usage.ru_stime))' "$1" "$2" clickhouse-client \
        --host "$ch_host" --port "${CLICKHOUSE_TCP_PORT:-9000}" --query "$3"
}

# One summary paragraph: $1 what, $2 rows, $3 bytes, $4 client s, $5 application s, then the figures.
summary() {
    python3 - "$@" <<'EOF'
import sys
what, rows, size, client, app = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
peak, after, committed, gcs, live, client_load, app_load, steps = sys.argv[6:14]
client_cpu, client_server_cpu, jvm_cpu, app_server_cpu, jvm_threads = sys.argv[14:19]
probed = f", live after full GC {live} MB (probes perturb the time)" if live != "0" else ""
print(f"{what} {rows:,} rows ({size / 1e6:.0f} MB): clickhouse-client {client:.2f} s ({rows / client:,.0f} rows/s),"
      f" application {app:.2f} s ({rows / app:,.0f} rows/s), ratio {client / app:.2f}\n"
      f"    CPU seconds: clickhouse-client {client_cpu} + server {client_server_cpu};"
      f" application JVM {jvm_cpu} + server {app_server_cpu}\n"
      f"    JVM threads (CPU s): {jvm_threads}\n"
      f"    application: {steps}\n"
      f"    JVM heap during the job: peak used {peak} MB, max after GC {after} MB, committed {committed} MB,"
      f" {gcs} GCs{probed}\n"
      f"    load average before: clickhouse-client {client_load}, application {app_load}")
EOF
}

# Times the application's job ($1 kind, $2 body) with CPU and heap figures; sets app_s, app_status, app_steps,
# app_load, jvm_cpu, app_server_cpu and heap_* .
measure_job() {
    local gc_offset server_before jvm_before outcome
    token=$(login)
    gc_offset=$(stat -c %s "$work/gc.log")
    app_load=$(load)
    server_before=$(cpu_ticks "$ch_pid")
    jvm_before=$(cpu_ticks "$payara_pid")
    thread_ticks "$payara_pid" > "$work/threads.before"
    outcome=$(run_job "$1" "$2") || die "$outcome"
    thread_ticks "$payara_pid" > "$work/threads.after"
    jvm_threads=$(thread_seconds "$work/threads.before" "$work/threads.after")
    app_server_cpu=$(cpu_seconds "$server_before" "$(cpu_ticks "$ch_pid")")
    jvm_cpu=$(cpu_seconds "$jvm_before" "$(cpu_ticks "$payara_pid")")
    read -r app_s app_status app_steps <<<"$outcome"
    read -r heap_peak heap_after heap_committed heap_gcs heap_live <<<"$(heap_since "$gc_offset")"
}

# Imports and exports first, untimed, until the JIT compiler has settled (its threads used under half a CPU second in
# a round, at most 8 rounds), so that the measured jobs run as in a long-running server: on a fresh JVM the compiler
# threads take seconds of CPU from the first jobs.
say "warming up (imports and exports of 500000 rows, untimed, until the JIT compiler settles)"
java "$root/ingestion-web/src/test/java/io/flatingest/bench/BenchmarkCsv.java" 500000 "$work/landing/warm-up.csv"
compiler_ticks() { thread_ticks "$payara_pid" | awk '$3 ~ /^C[12]$/ && $4 ~ /^Compiler/ {t += $2} END {print t + 0}'; }
for round in 1 2 3 4 5 6 7 8; do
    compiled_before=$(compiler_ticks)
    ch --query "DROP TABLE IF EXISTS bench.warm_up"
    ch --query "CREATE TABLE bench.warm_up $columns"
    warm=$(run_job imports '{"file":"warm-up.csv","database":"bench","table":"warm_up"}') || die "warm-up: $warm"
    [[ $(cut -d' ' -f2 <<<"$warm") == COMPLETED/COMPLETED ]] || die "the warm-up import failed: $warm"
    warm=$(run_job exports '{"database":"bench","table":"warm_up","output":{"fileName":"warm-up.csv","overwrite":true}}') \
        || die "warm-up: $warm"
    [[ $(cut -d' ' -f2 <<<"$warm") == COMPLETED/COMPLETED ]] || die "the warm-up export failed: $warm"
    token=$(login)
    compiled=$(cpu_seconds "$compiled_before" "$(compiler_ticks)")
    say "warm-up round $round: JIT compiler threads ${compiled}s CPU"
    python3 -c "import sys; sys.exit(0 if float('$compiled') < 0.5 else 1)" && break
done
ch --query "DROP TABLE bench.warm_up"
rm -f "$work/exports/warm-up.csv"
rm -f "$work/landing/warm-up.csv"

chunk_field=""
[[ -n "${BENCH_CHUNK_SIZE:-}" ]] && chunk_field=",\"chunkSize\":$BENCH_CHUNK_SIZE"
results=()
for rows in "${sizes[@]}"; do
    file="bench-$rows.csv"
    say "generating $rows rows into $work/landing/$file"
    java "$root/ingestion-web/src/test/java/io/flatingest/bench/BenchmarkCsv.java" "$rows" "$work/landing/$file"
    bytes=$(stat -c %s "$work/landing/$file")
    for run in $(seq 1 "$repeat"); do
        client_table="client_${rows}_$run"
        app_table="app_${rows}_$run"
        for t in "$client_table" "$app_table"; do
            ch --query "DROP TABLE IF EXISTS bench.$t"
            ch --query "CREATE TABLE bench.$t $columns"
        done

        # --- import ---
        client_load=$(load)
        server_before=$(cpu_ticks "$ch_pid")
        read -r client_s client_cpu < <(timed_client "$work/landing/$file" /dev/null \
            "INSERT INTO bench.$client_table FORMAT CSVWithNames")
        [[ -n "$client_s" ]] || die "clickhouse-client failed"
        client_server_cpu=$(cpu_seconds "$server_before" "$(cpu_ticks "$ch_pid")")
        say "import $rows rows, run $run: clickhouse-client ${client_s}s (CPU: client ${client_cpu}s, server ${client_server_cpu}s; load $client_load)"
        measure_job imports "{\"file\":\"$file\",\"database\":\"bench\",\"table\":\"$app_table\"$chunk_field}"
        [[ $app_status == COMPLETED/COMPLETED ]] || die "import into bench.$app_table ended $app_status (log: $work/payara-micro.log)"
        say "import $rows rows, run $run: application ${app_s}s (CPU: JVM ${jvm_cpu}s, server ${app_server_cpu}s; $app_steps; load $app_load)"
        say "    JVM threads (CPU s): $jvm_threads"

        expected=$(ch --query "$checksum FROM bench.$client_table")
        actual=$(ch --query "$checksum FROM bench.$app_table")
        if [[ "$expected" != "$actual" ]]; then
            say "clickhouse-client: $expected"
            say "application:       $actual"
            die "the two imports of $file differ (count and checksums above)"
        fi
        [[ $(cut -f1 <<<"$expected") == "$rows" ]] || die "expected $rows rows, found $(cut -f1 <<<"$expected")"
        results+=("$(summary Import "$rows" "$bytes" "$client_s" "$app_s" "$heap_peak" "$heap_after" "$heap_committed" \
            "$heap_gcs" "$heap_live" "$client_load" "$app_load" "$app_steps" "$client_cpu" "$client_server_cpu" \
            "$jvm_cpu" "$app_server_cpu" "$jvm_threads")")
        ch --query "DROP TABLE bench.$app_table"

        # --- export (of the table clickhouse-client filled, in key order both ways; NULL written as \N like
        # clickhouse-client, so that the file loads back into the Nullable columns as NULL) ---
        if [[ "${BENCH_EXPORT:-1}" != 0 ]]; then
            client_file="$work/client-export-$rows.csv"
            app_file="export-$rows.csv"
            client_load=$(load)
            server_before=$(cpu_ticks "$ch_pid")
            read -r client_s client_cpu < <(timed_client /dev/null "$client_file" \
                "SELECT * FROM bench.$client_table ORDER BY id FORMAT CSVWithNames")
            [[ -n "$client_s" ]] || die "clickhouse-client failed"
            client_server_cpu=$(cpu_seconds "$server_before" "$(cpu_ticks "$ch_pid")")
            say "export $rows rows, run $run: clickhouse-client ${client_s}s (CPU: client ${client_cpu}s, server ${client_server_cpu}s; load $client_load)"
            measure_job exports "{\"database\":\"bench\",\"table\":\"$client_table\",\"output\":{\"fileName\":\"$app_file\",\"overwrite\":true,\"nullToken\":\"\\\\N\"}$chunk_field}"
            [[ $app_status == COMPLETED/COMPLETED ]] || die "export of bench.$client_table ended $app_status (log: $work/payara-micro.log)"
            say "export $rows rows, run $run: application ${app_s}s (CPU: JVM ${jvm_cpu}s, server ${app_server_cpu}s; $app_steps; load $app_load)"
            say "    JVM threads (CPU s): $jvm_threads"
            # The job's file, loaded back by clickhouse-client, must hold the table's rows exactly.
            ch --query "DROP TABLE IF EXISTS bench.reloaded"
            ch --query "CREATE TABLE bench.reloaded $columns"
            ch --query "INSERT INTO bench.reloaded FORMAT CSVWithNames" < "$work/exports/$app_file"
            expected=$(ch --query "$checksum FROM bench.$client_table")
            actual=$(ch --query "$checksum FROM bench.reloaded")
            if [[ "$expected" != "$actual" ]]; then
                say "table:          $expected"
                say "exported file:  $actual"
                die "the application's export of bench.$client_table differs from the table (count and checksums above)"
            fi
            results+=("$(summary Export "$rows" "$(stat -c %s "$work/exports/$app_file")" "$client_s" "$app_s" \
                "$heap_peak" "$heap_after" "$heap_committed" "$heap_gcs" "$heap_live" "$client_load" "$app_load" \
                "$app_steps" "$client_cpu" "$client_server_cpu" "$jvm_cpu" "$app_server_cpu" "$jvm_threads")")
            say "export files: clickhouse-client $(stat -c %s "$client_file") bytes, application $(stat -c %s "$work/exports/$app_file") bytes"
            ch --query "DROP TABLE bench.reloaded"
            rm -f "$client_file" "$work/exports/$app_file"
        fi
        ch --query "DROP TABLE bench.$client_table"
    done
    rm -f "$work/landing/$file"
done

echo
echo "Benchmark — ClickHouse $ch_version, $(nproc) cores, JVM: $java_opts, chunkSize ${BENCH_CHUNK_SIZE:-default}"
echo "(ratio = application throughput / clickhouse-client throughput; checksums match: both imports, and the"
echo " application's export loaded back against the table)"
printf '%s\n' "${results[@]}"
