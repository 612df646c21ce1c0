#!/usr/bin/env bash
# Throwaway PostgreSQL server for development and tests (job repository and application database).
#
#   scripts/postgres.sh start [DIR]   install PostgreSQL from Debian's packages when missing, create a cluster in
#                                     DIR (default: a new temporary directory) unless there is one, start it on a
#                                     free loopback port, make sure role and database "flatingest" (password
#                                     "flatingest", allowed to create databases) exist, and print its settings as
#                                     shell assignments (POSTGRES_HOST=... POSTGRES_PORT=... POSTGRES_DIR=...).
#   scripts/postgres.sh stop DIR      stop the server started in DIR; delete DIR if it is a temporary one.
#   scripts/postgres.sh env DIR       print the settings of the server running in DIR.
#   scripts/postgres.sh psql DIR ...  run psql as the superuser against the server in DIR.
#
# The server binds 127.0.0.1 only, keeps its socket in DIR and never touches the system's clusters. initdb refuses
# to run as root: as root the cluster belongs to, and runs as, Debian's "postgres" user.
set -euo pipefail

die() { echo "postgres.sh: $*" >&2; exit 1; }

free_port() {
    python3 - <<'EOF' 2>/dev/null || shuf -i 20000-60000 -n 1
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
EOF
}

bin_dir() {
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [[ -n "$d" && -x "$d/initdb" ]] || return 1
    echo "$d"
}

ensure_installed() {
    bin_dir >/dev/null && return
    echo "postgres.sh: installing postgresql from Debian's packages" >&2
    local sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
}

# Runs a command as the cluster's owner: the caller, or "postgres" when the caller is root.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

print_env() {
    local dir=$1
    [[ -f "$dir/ports" ]] || die "no server in $dir"
    cat "$dir/ports"
}

running() {
    local dir=$1
    [[ -f "$dir/data/postmaster.pid" ]] && as_owner "$(bin_dir)/pg_ctl" status -D "$dir/data" >/dev/null 2>&1
}

superuser_sql() {
    local dir=$1 port=$2 db=$3 sql=$4
    as_owner "$(bin_dir)/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d "$db" -tAc "$sql"
}

start() {
    ensure_installed
    local bin dir=${1:-} port
    bin=$(bin_dir)
    if [[ -z "$dir" ]]; then dir=$(mktemp -d /tmp/flatingest-postgres.XXXXXX); fi
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if running "$dir" && [[ -f "$dir/ports" ]]; then
        print_env "$dir"; return
    fi
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
        as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
            -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    fi
    # Keep the port of an earlier start when it is still free (a restarted server keeps its URL).
    port=$(sed -n 's/^POSTGRES_PORT=//p' "$dir/ports" 2>/dev/null || true)
    if [[ -z "$port" ]] || (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then port=$(free_port); fi
    # -l: pg_ctl detaches the server with its output in the log, so a caller reading this script's output through
    # a pipe is not held open by the server.
    as_owner "$bin/pg_ctl" start -w -t 60 -D "$dir/data" -l "$dir/server.log" \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c max_connections=200 -c fsync=off" \
        >/dev/null </dev/null || { tail -20 "$dir/server.log" >&2; die "server did not start (see $dir)"; }
    if [[ "$(superuser_sql "$dir" "$port" postgres "SELECT 1 FROM pg_roles WHERE rolname = 'flatingest'")" != 1 ]]; then
        superuser_sql "$dir" "$port" postgres "CREATE ROLE flatingest LOGIN CREATEDB PASSWORD 'flatingest'"
    fi
    if [[ "$(superuser_sql "$dir" "$port" postgres "SELECT 1 FROM pg_database WHERE datname = 'flatingest'")" != 1 ]]; then
        superuser_sql "$dir" "$port" postgres "CREATE DATABASE flatingest OWNER flatingest"
    fi
    local version
    version=$(superuser_sql "$dir" "$port" postgres "SHOW server_version")
    cat > "$dir/ports" <<EOF
POSTGRES_DIR=$dir
POSTGRES_HOST=127.0.0.1
POSTGRES_PORT=$port
POSTGRES_DB=flatingest
POSTGRES_USER=flatingest
POSTGRES_PASSWORD=flatingest
POSTGRES_JDBC_URL=jdbc:postgresql://127.0.0.1:$port/flatingest
POSTGRES_VERSION=${version%% *}
EOF
    print_env "$dir"
}

stop() {
    local dir=${1:?usage: postgres.sh stop DIR}
    [[ -d "$dir" ]] || return 0
    if [[ -f "$dir/data/postmaster.pid" ]] && bin_dir >/dev/null; then
        as_owner "$(bin_dir)/pg_ctl" stop -w -t 60 -m fast -D "$dir/data" >/dev/null 2>&1 || true
    fi
    case "$dir" in
        /tmp/flatingest-postgres.*|*/target/postgres*) rm -rf "$dir" ;;
        *) echo "postgres.sh: PostgreSQL stopped; its data stays in $dir" >&2 ;;
    esac
}

case "${1:-}" in
    start) shift; start "${1:-}" ;;
    stop) shift; stop "${1:-}" ;;
    env) shift; print_env "${1:?usage: postgres.sh env DIR}" ;;
    psql)
        shift; dir=${1:?usage: postgres.sh psql DIR [psql arguments]}; shift
        port=$(sed -n 's/^POSTGRES_PORT=//p' "$dir/ports")
        as_owner "$(bin_dir)/psql" -X -h "$dir" -p "$port" -U postgres "$@"
        ;;
    *) echo "usage: $0 start [DIR] | stop DIR | env DIR | psql DIR [args]" >&2; exit 2 ;;
esac
