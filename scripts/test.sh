#!/usr/bin/env bash
# Runs every test: the offline checks of docker/ (dclint, dockerfilelint, the image's init script), unit tests,
# integration tests against a real ClickHouse and a real PostgreSQL (both started here, on free ports, in temporary
# directories), Arquillian and process-level tests on Payara Micro, browser tests in headless Chromium, and the EAR
# smoke test on a throwaway Payara Server domain with PostgreSQL. Prints how long the suite took.
#
#   scripts/test.sh [extra Maven arguments, e.g. -pl ingestion-ejb or -Dit.test=SomeIT]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
began=$(date +%s)

need_packages=()
command -v clickhouse-client >/dev/null || need_packages+=(clickhouse-server clickhouse-client)
[[ -x /usr/bin/chromium ]] || need_packages+=(chromium)
[[ -x /usr/bin/chromedriver ]] || need_packages+=(chromium-driver)
[[ -d /usr/lib/postgresql ]] || need_packages+=(postgresql)
command -v npm >/dev/null || need_packages+=(npm)
if ((${#need_packages[@]})); then
    echo "test.sh: installing ${need_packages[*]} from Debian's packages"
    sudo_cmd=""; [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

finish() {
    local status=$1 elapsed=$(( $(date +%s) - began ))
    printf 'test.sh: suite %s in %dm%02ds\n' "$([[ $status -eq 0 ]] && echo passed || echo FAILED)" \
        $((elapsed / 60)) $((elapsed % 60))
    exit "$status"
}

echo "test.sh: linting docker/"
"$root/scripts/lint-docker.sh" || finish 1

clickhouse_dir=$(mktemp -d /tmp/flatingest-clickhouse.XXXXXX)
postgres_dir=$(mktemp -d /tmp/flatingest-postgres.XXXXXX)
cleanup() {
    "$root/scripts/clickhouse.sh" stop "$clickhouse_dir" || true
    "$root/scripts/postgres.sh" stop "$postgres_dir" || true
}
trap cleanup EXIT
eval "$("$root/scripts/clickhouse.sh" start "$clickhouse_dir")"
export CLICKHOUSE_URL
echo "test.sh: ClickHouse $CLICKHOUSE_VERSION at $CLICKHOUSE_URL"
eval "$("$root/scripts/postgres.sh" start "$postgres_dir")"
export POSTGRES_HOST POSTGRES_PORT POSTGRES_USER POSTGRES_PASSWORD
echo "test.sh: PostgreSQL $POSTGRES_VERSION at $POSTGRES_HOST:$POSTGRES_PORT"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

status=0
(cd "$root" && mvn -B -ntp verify -Dit.arquillian.port="$(free_port)" "$@") || status=$?

finish $status
