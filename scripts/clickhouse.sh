#!/usr/bin/env bash
# Throwaway ClickHouse server for development, tests and benchmarks.
#
#   scripts/clickhouse.sh start [DIR]   install clickhouse-server from Debian's packages when missing, start a
#                                       server on free ports with all its state under DIR (default: a new
#                                       temporary directory), wait until it answers, and print its settings as
#                                       shell assignments (CLICKHOUSE_HTTP_PORT=... CLICKHOUSE_DIR=...).
#   scripts/clickhouse.sh stop DIR      stop the server started in DIR and delete DIR.
#   scripts/clickhouse.sh env DIR       print the settings of the server running in DIR.
#
# The server runs unprivileged (as the calling user), never touches /var/lib/clickhouse and binds loopback only.
set -euo pipefail

die() { echo "clickhouse.sh: $*" >&2; exit 1; }

free_port() {
    python3 - <<'EOF' 2>/dev/null || shuf -i 20000-60000 -n 1
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
EOF
}

ensure_installed() {
    if [[ -x /usr/sbin/clickhouse-server || -x /usr/bin/clickhouse-server ]] && command -v clickhouse-client >/dev/null; then
        return
    fi
    echo "clickhouse.sh: installing clickhouse-server and clickhouse-client from Debian's packages" >&2
    local sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq clickhouse-server clickhouse-client >&2
}

server_binary() {
    if [[ -x /usr/sbin/clickhouse-server ]]; then echo /usr/sbin/clickhouse-server; else command -v clickhouse-server; fi
}

print_env() {
    local dir=$1
    [[ -f "$dir/ports" ]] || die "no server in $dir"
    cat "$dir/ports"
}

start() {
    ensure_installed
    local dir=${1:-}
    if [[ -z "$dir" ]]; then dir=$(mktemp -d /tmp/flatingest-clickhouse.XXXXXX); fi
    mkdir -p "$dir"/{data,tmp,user_files,format_schemas}
    dir=$(cd "$dir" && pwd)
    if [[ -f "$dir/pid" ]] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
        print_env "$dir"; return
    fi
    local http tcp inter
    http=$(free_port); tcp=$(free_port); inter=$(free_port)
    while [[ $tcp == "$http" ]]; do tcp=$(free_port); done
    while [[ $inter == "$http" || $inter == "$tcp" ]]; do inter=$(free_port); done

    # A config of our own: loopback only, no interserver/mysql listeners, query_log on (used by the import
    # publish step to settle an interrupted publication), logs in DIR.
    cat > "$dir/config.xml" <<EOF
<?xml version="1.0"?>
<yandex>
    <logger>
        <level>information</level>
        <log>$dir/server.log</log>
        <errorlog>$dir/server.err.log</errorlog>
        <size>100M</size>
        <count>2</count>
    </logger>
    <http_port>$http</http_port>
    <tcp_port>$tcp</tcp_port>
    <interserver_http_port>$inter</interserver_http_port>
    <listen_host>127.0.0.1</listen_host>
    <max_connections>1024</max_connections>
    <keep_alive_timeout>10</keep_alive_timeout>
    <max_concurrent_queries>100</max_concurrent_queries>
    <uncompressed_cache_size>268435456</uncompressed_cache_size>
    <mark_cache_size>268435456</mark_cache_size>
    <path>$dir/data/</path>
    <tmp_path>$dir/tmp/</tmp_path>
    <user_files_path>$dir/user_files/</user_files_path>
    <format_schema_path>$dir/format_schemas/</format_schema_path>
    <users_config>$dir/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <timezone>UTC</timezone>
    <mlock_executable>false</mlock_executable>
    <query_log>
        <database>system</database>
        <table>query_log</table>
        <partition_by>toYYYYMM(event_date)</partition_by>
        <flush_interval_milliseconds>1000</flush_interval_milliseconds>
    </query_log>
</yandex>
EOF
    cat > "$dir/users.xml" <<'EOF'
<?xml version="1.0"?>
<yandex>
    <profiles>
        <default>
            <max_memory_usage>4000000000</max_memory_usage>
            <use_uncompressed_cache>0</use_uncompressed_cache>
            <load_balancing>random</load_balancing>
        </default>
        <readonly><readonly>1</readonly></readonly>
    </profiles>
    <users>
        <default>
            <password></password>
            <networks><ip>::1</ip><ip>127.0.0.1</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
        </default>
    </users>
    <quotas>
        <default>
            <interval>
                <duration>3600</duration>
                <queries>0</queries><errors>0</errors><result_rows>0</result_rows>
                <read_rows>0</read_rows><execution_time>0</execution_time>
            </interval>
        </default>
    </quotas>
</yandex>
EOF
    # No subshell and no inherited descriptors: callers read this script's output through a pipe, which must
    # close when the script ends, not when the server does.
    nohup "$(server_binary)" --config-file="$dir/config.xml" </dev/null >"$dir/stdout.log" 2>&1 &
    echo $! > "$dir/pid"
    disown
    local i
    for i in $(seq 1 120); do
        if curl -sf "http://127.0.0.1:$http/ping" >/dev/null 2>&1; then break; fi
        if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
            tail -20 "$dir/server.err.log" "$dir/stdout.log" >&2 || true
            die "server exited during start-up (see $dir)"
        fi
        sleep 0.5
    done
    curl -sf "http://127.0.0.1:$http/ping" >/dev/null || die "server did not answer on port $http within 60 s"
    local version
    version=$(curl -sf "http://127.0.0.1:$http/?query=SELECT%20version()")
    cat > "$dir/ports" <<EOF
CLICKHOUSE_DIR=$dir
CLICKHOUSE_HTTP_PORT=$http
CLICKHOUSE_TCP_PORT=$tcp
CLICKHOUSE_URL=http://127.0.0.1:$http
CLICKHOUSE_VERSION=$version
EOF
    print_env "$dir"
}

stop() {
    local dir=${1:?usage: clickhouse.sh stop DIR}
    [[ -d "$dir" ]] || return 0
    if [[ -f "$dir/pid" ]]; then
        local pid; pid=$(cat "$dir/pid")
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
            kill -9 "$pid" 2>/dev/null || true
        fi
    fi
    case "$dir" in
        /tmp/flatingest-clickhouse.*|*/target/clickhouse*) rm -rf "$dir" ;;
        *) echo "clickhouse.sh: ClickHouse stopped; its data stays in $dir" >&2 ;;
    esac
}

case "${1:-}" in
    start) shift; start "${1:-}" ;;
    stop) shift; stop "${1:-}" ;;
    env) shift; print_env "${1:?usage: clickhouse.sh env DIR}" ;;
    *) echo "usage: $0 start [DIR] | stop DIR | env DIR" >&2; exit 2 ;;
esac
