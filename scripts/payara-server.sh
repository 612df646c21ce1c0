#!/usr/bin/env bash
# Prepares a Payara Server domain for ClickHouse Flat-File Ingestion and deploys the EAR.
#
#   scripts/payara-server.sh install EAR   create the domain (if missing), start it, create the JDBC pool and
#                                          resource, point the batch runtime at it, store the application's
#                                          settings as MicroProfile Config values of the domain, deploy EAR
#   scripts/payara-server.sh redeploy EAR  deploy a new EAR over the running one (same name, same context root)
#   scripts/payara-server.sh start|stop    start or stop the domain
#   scripts/payara-server.sh asadmin ...   run asadmin against the domain
#
# Settings (environment variables; defaults in brackets):
#   PAYARA_HOME                  Payara Server 6 installation (its bin/asadmin)              [required]
#   FLATINGEST_DOMAIN_DIR        directory holding the domain                                [$PAYARA_HOME/glassfish/domains]
#   FLATINGEST_DOMAIN            domain name                                                 [flatingest]
#   FLATINGEST_PORTBASE          port base: admin = base+48, HTTP = base+80, HTTPS = base+81 [8000]
#   FLATINGEST_DATA_DIR          data directory (H2 database, landing and export files)      [~/.flatingest]
#   FLATINGEST_DB                h2 or postgresql                                            [h2]
#   FLATINGEST_DB_HOST/PORT/NAME/USER/PASSWORD   PostgreSQL connection (FLATINGEST_DB=postgresql)
#                                [localhost/5432/flatingest/flatingest/(empty)]
#   FLATINGEST_DB_DRIVER         PostgreSQL JDBC driver jar, added with add-library         [ear/target/drivers/postgresql.jar]
#   FLATINGEST_CLICKHOUSE_URL, _USER, _PASSWORD, _DATABASE and every other setting of payara/settings.list:
#                                stored as MicroProfile Config properties of the domain.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
: "${PAYARA_HOME:?set PAYARA_HOME to a Payara Server 6 installation}"
domain_dir=${FLATINGEST_DOMAIN_DIR:-$PAYARA_HOME/glassfish/domains}
domain=${FLATINGEST_DOMAIN:-flatingest}
portbase=${FLATINGEST_PORTBASE:-8000}
admin_port=$((portbase + 48))
http_port=$((portbase + 80))
data_dir=${FLATINGEST_DATA_DIR:-$HOME/.flatingest}

asadmin() { "$PAYARA_HOME/bin/asadmin" --port "$admin_port" "$@"; }

create_domain() {
    if [[ -d "$domain_dir/$domain" ]]; then return; fi
    mkdir -p "$domain_dir"
    "$PAYARA_HOME/bin/asadmin" create-domain --nopassword=true --domaindir "$domain_dir" --portbase "$portbase" \
        --hazelcastdasport $((portbase + 90)) --hazelcaststartport $((portbase + 91)) "$domain"
}

start_domain() {
    if "$PAYARA_HOME/bin/asadmin" list-domains --domaindir "$domain_dir" 2>/dev/null | grep -q "^$domain running"; then
        return
    fi
    "$PAYARA_HOME/bin/asadmin" start-domain --domaindir "$domain_dir" "$domain"
}

stop_domain() {
    "$PAYARA_HOME/bin/asadmin" stop-domain --domaindir "$domain_dir" "$domain" || true
}

# Domain config properties are MicroProfile Config values. For every known property (payara/settings.list) whose
# environment variable is set (flatingest.clickhouse.connect-timeout <- FLATINGEST_CLICKHOUSE_CONNECT_TIMEOUT),
# store it in the domain so that it survives restarts.
store_settings() {
    local key var
    while read -r key; do
        [[ -z "$key" || "$key" == \#* ]] && continue
        var=$(echo "$key" | tr 'a-z.-' 'A-Z__')
        if [[ -n "${!var+x}" ]]; then
            asadmin set-config-property --source domain --propertyName "$key" --propertyValue "${!var}" >/dev/null
        fi
    done < "$here/payara/settings.list"
    asadmin set-config-property --source domain --propertyName flatingest.data.dir --propertyValue "$data_dir" >/dev/null
}

configure() {
    mkdir -p "$data_dir"
    local commands
    commands=$(mktemp)
    case "${FLATINGEST_DB:-h2}" in
        postgresql)
            "$here/payara/render-commands.sh" postgresql "${FLATINGEST_DB_HOST:-localhost}" "${FLATINGEST_DB_PORT:-5432}" \
                "${FLATINGEST_DB_NAME:-flatingest}" "${FLATINGEST_DB_USER:-flatingest}" "${FLATINGEST_DB_PASSWORD:-}" \
                > "$commands"
            add_postgres_driver
            ;;
        h2) "$here/payara/render-commands.sh" h2 "$data_dir" > "$commands" ;;
        *) echo "payara-server.sh: FLATINGEST_DB must be h2 or postgresql" >&2; exit 1 ;;
    esac
    if ! asadmin list-jdbc-resources | grep -q '^jdbc/flatingest$'; then
        asadmin multimode --file "$commands"
    fi
    rm -f "$commands"
    store_settings
}

# The JDBC driver goes into the domain's common class loader (domain lib/), where the server-level pool finds it.
add_postgres_driver() {
    local jar=${FLATINGEST_DB_DRIVER:-$root/ear/target/drivers/postgresql.jar}
    [[ -f "$jar" ]] || { echo "payara-server.sh: no PostgreSQL JDBC driver at $jar (build with mvn package, or set FLATINGEST_DB_DRIVER)" >&2; exit 1; }
    if asadmin list-libraries | grep -qx "$(basename "$jar")"; then return; fi
    asadmin add-library "$jar"
}

wait_for_app() {
    local i
    for i in $(seq 1 120); do
        # Health answers as soon as the application's beans are up; its web context can come a little later (after
        # the EJB timer service, which the schedules' clock needs, at a restart): wait for both.
        if curl -sf "http://127.0.0.1:$http_port/health/ready" 2>/dev/null | grep -q '"clickhouse"' \
                && curl -sf -o /dev/null "http://127.0.0.1:$http_port/flatingest/login.xhtml"; then
            echo "ClickHouse Flat-File Ingestion is up: http://127.0.0.1:$http_port/flatingest/"
            return 0
        fi
        sleep 1
    done
    echo "payara-server.sh: the application did not become ready on port $http_port" >&2
    return 1
}

case "${1:-}" in
    install)
        ear=${2:?usage: payara-server.sh install EAR}
        create_domain
        start_domain
        configure
        asadmin deploy --force=true --name flatingest "$ear"
        wait_for_app
        ;;
    redeploy)
        ear=${2:?usage: payara-server.sh redeploy EAR}
        asadmin deploy --force=true --name flatingest "$ear"
        wait_for_app
        ;;
    start) start_domain; wait_for_app ;;
    stop) stop_domain ;;
    asadmin) shift; asadmin "$@" ;;
    *) sed -n '2,25p' "$0"; exit 2 ;;
esac
