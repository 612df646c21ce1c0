#!/usr/bin/env bash
# Builds and starts ClickHouse Flat-File Ingestion on Payara Micro, with a local ClickHouse (installed from
# Debian's packages and started if FLATINGEST_CLICKHOUSE_URL does not point elsewhere) and the embedded H2
# database in the data directory, or PostgreSQL with FLATINGEST_DB=postgresql. Ctrl-C stops everything it started.
#
# Settings: FLATINGEST_PORT (8080), FLATINGEST_DATA_DIR (~/.flatingest), FLATINGEST_CLICKHOUSE_URL (a local
# server started here), FLATINGEST_DB (h2 or postgresql) with FLATINGEST_DB_HOST, _PORT (5432), _NAME, _USER
# (flatingest) and _PASSWORD (a local PostgreSQL started here in DATA_DIR/postgres when FLATINGEST_DB_HOST is
# unset), and every other setting in the README's configuration table.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
port=${FLATINGEST_PORT:-8080}
data=${FLATINGEST_DATA_DIR:-$HOME/.flatingest}
mkdir -p "$data"
data=$(cd "$data" && pwd)
export FLATINGEST_DATA_DIR=$data

command -v java >/dev/null || { echo "run.sh: Java 17 is needed (apt-get install openjdk-17-jdk)" >&2; exit 1; }
command -v mvn >/dev/null || { echo "run.sh: Maven is needed (apt-get install maven)" >&2; exit 1; }
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "run.sh: port $port is in use; choose another with FLATINGEST_PORT=..." >&2
    exit 1
fi

echo "run.sh: building (mvn package)..."
(cd "$root" && mvn -B -q -ntp -DskipTests package)

pids=()
started_clickhouse=""
started_postgres=""
cleanup() {
    trap - INT TERM EXIT
    echo
    echo "run.sh: stopping"
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [[ -n "$started_clickhouse" ]]; then "$root/scripts/clickhouse.sh" stop "$started_clickhouse"; fi
    if [[ -n "$started_postgres" ]]; then "$root/scripts/postgres.sh" stop "$started_postgres"; fi
}
trap cleanup INT TERM EXIT

if [[ -z "${FLATINGEST_CLICKHOUSE_URL:-}" ]]; then
    eval "$("$root/scripts/clickhouse.sh" start "$data/clickhouse")"
    started_clickhouse="$data/clickhouse"
    export FLATINGEST_CLICKHOUSE_URL=$CLICKHOUSE_URL
    echo "run.sh: ClickHouse $CLICKHOUSE_VERSION started at $CLICKHOUSE_URL (data in $data/clickhouse)"
fi

addlibs=()
case "${FLATINGEST_DB:-h2}" in
    h2)
        "$root/scripts/payara/render-commands.sh" h2 "$data" > "$data/postboot.asadmin"
        ;;
    postgresql)
        if [[ -z "${FLATINGEST_DB_HOST:-}" ]]; then
            eval "$("$root/scripts/postgres.sh" start "$data/postgres")"
            started_postgres="$data/postgres"
            FLATINGEST_DB_HOST=$POSTGRES_HOST FLATINGEST_DB_PORT=$POSTGRES_PORT FLATINGEST_DB_NAME=$POSTGRES_DB
            FLATINGEST_DB_USER=$POSTGRES_USER FLATINGEST_DB_PASSWORD=$POSTGRES_PASSWORD
            echo "run.sh: PostgreSQL $POSTGRES_VERSION started at $POSTGRES_HOST:$POSTGRES_PORT (data in $data/postgres)"
        fi
        "$root/scripts/payara/render-commands.sh" postgresql "$FLATINGEST_DB_HOST" "${FLATINGEST_DB_PORT:-5432}" \
            "${FLATINGEST_DB_NAME:-flatingest}" "${FLATINGEST_DB_USER:-flatingest}" "${FLATINGEST_DB_PASSWORD:-}" \
            > "$data/postboot.asadmin"
        addlibs=(--addlibs "$root/ingestion-web/target/payara/postgresql.jar")
        ;;
    *) echo "run.sh: FLATINGEST_DB must be h2 or postgresql" >&2; exit 1 ;;
esac
cp "$root/ingestion-web/target/ingestion-web-micro.war" "$data/flatingest.war"
echo "run.sh: starting Payara Micro on port $port with the ${FLATINGEST_DB:-h2} database (log: $data/payara-micro.log)"
java_opts=${FLATINGEST_JAVA_OPTS:-$(grep -v '^#' "$root/scripts/payara/java-opts" | tr '\n' ' ')}
# shellcheck disable=SC2086
java $java_opts -jar "$root/ingestion-web/target/payara/payara-micro.jar" \
    --deploy "$data/flatingest.war" --contextroot flatingest --port "$port" "${addlibs[@]}" \
    --postbootcommandfile "$data/postboot.asadmin" --nocluster --disablephonehome > "$data/payara-micro.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 300); do
    if curl -sf "http://127.0.0.1:$port/health/ready" 2>/dev/null | grep -q '"clickhouse"'; then break; fi
    if ! kill -0 "${pids[0]}" 2>/dev/null; then
        tail -40 "$data/payara-micro.log" >&2
        echo "run.sh: Payara Micro exited (log: $data/payara-micro.log)" >&2
        exit 1
    fi
    sleep 1
done
curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || {
    echo "run.sh: not ready after 5 minutes; health: $(curl -s "http://127.0.0.1:$port/health/ready")" >&2; exit 1; }

# The first start creates the user "admin"; its password is FLATINGEST_SECURITY_ADMIN_PASSWORD or is generated and
# printed once in the log (SecurityBootstrap.GENERATED_PASSWORD_LINE).
generated=$(sed -n "s/.*Generated password for user 'admin': \([^ ]*\).*/\1/p" "$data/payara-micro.log" | tail -1)
if [[ -n "$generated" ]]; then
    login="user admin, password $generated (generated now, shown once: change it)"
elif [[ -n "${FLATINGEST_SECURITY_ADMIN_PASSWORD:-}" ]]; then
    login="user admin, password from FLATINGEST_SECURITY_ADMIN_PASSWORD (unless changed since the first start)"
else
    login="user admin with the password shown at the first start (lost it? see README, Security)"
fi

cat <<EOM

  ClickHouse Flat-File Ingestion is running.

    Console:  http://localhost:$port/flatingest/
    Log in:   $login
    REST API: http://localhost:$port/flatingest/api   (OpenAPI: http://localhost:$port/openapi)
              token: curl -d username=admin -d password=... http://localhost:$port/flatingest/api/auth/token
    Try it:   http://localhost:$port/flatingest/swagger-ui/  (Swagger UI; "Authorize" takes a token)
    Health:   http://localhost:$port/health
    Files:    drop files to import into $data/landing; exports appear in $data/exports

  Press Ctrl-C to stop.
EOM
wait "${pids[0]}"
