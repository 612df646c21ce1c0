#!/usr/bin/env bash
# Validates docker/ offline (there may be no Docker engine): the compose file with dclint, the Dockerfile with
# dockerfilelint (both from npm, installed into docker/lint/node_modules from its lock file when missing), and the
# image's init script against scripts/payara/render-commands.sh in a mock of the Payara image's layout, so the
# container gets the same asadmin commands as the other routes. Exits non-zero on any finding.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
lint=$root/docker/lint
if [[ ! -x "$lint/node_modules/.bin/dclint" || ! -x "$lint/node_modules/.bin/dockerfilelint" ]]; then
    command -v npm >/dev/null || { echo "lint-docker.sh: npm is needed (apt-get install npm)" >&2; exit 1; }
    echo "lint-docker.sh: installing dclint and dockerfilelint into docker/lint/node_modules"
    npm ci --prefix "$lint" --no-audit --no-fund --loglevel=error >/dev/null
fi

status=0
"$lint/node_modules/.bin/dclint" --max-warnings 0 "$root/docker/compose.yaml" || status=1
# dockerfilelint exits 0 when it finds nothing and prints "Issues: None found".
if ! out=$("$lint/node_modules/.bin/dockerfilelint" "$root/docker/Dockerfile") || ! grep -q "None found" <<<"$out"; then
    echo "$out"
    status=1
fi

# The init script, run as the image's entrypoint runs it (sourced), in a mock of the image's directories.
mock=$(mktemp -d)
trap 'rm -rf "$mock"' EXIT
mkdir -p "$mock/scripts/flatingest" "$mock/appserver/glassfish/domains/domain1/config" "$mock/config"
cp "$root/scripts/payara/render-commands.sh" "$mock/scripts/flatingest/"
check_init() {
    local expected=$1; shift
    local actual
    actual=$(env -i PATH="$PATH" SCRIPT_DIR="$mock/scripts" PAYARA_DIR="$mock/appserver" DOMAIN_NAME=domain1 \
        POSTBOOT_COMMANDS="$mock/config/post-boot-commands.asadmin" "$@" \
        bash -c '. "$0" >/dev/null && cat "$POSTBOOT_COMMANDS"' "$root/docker/init_flatingest.sh")
    if [[ "$actual" != "$expected" ]]; then
        echo "lint-docker.sh: docker/init_flatingest.sh ($*) wrote:" >&2
        echo "$actual" >&2
        echo "expected:" >&2
        echo "$expected" >&2
        status=1
    fi
}
render=$root/scripts/payara/render-commands.sh
check_init "$("$render" postgresql db.example 6543 ingest app 's3:cr=t')" FLATINGEST_DB=postgresql \
    FLATINGEST_DB_HOST=db.example FLATINGEST_DB_PORT=6543 FLATINGEST_DB_NAME=ingest FLATINGEST_DB_USER=app \
    FLATINGEST_DB_PASSWORD='s3:cr=t'
check_init "$("$render" h2 "$mock/data")" FLATINGEST_DB=h2 FLATINGEST_DATA_DIR="$mock/data"
echo '<resources><jdbc-resource jndi-name="jdbc/flatingest"/></resources>' \
    > "$mock/appserver/glassfish/domains/domain1/config/domain.xml"
check_init "$(printf 'delete-jdbc-resource jdbc/flatingest\ndelete-jdbc-connection-pool flatingest-pool\n'; \
    "$render" postgresql postgres 5432 flatingest flatingest '')" FLATINGEST_DB=postgresql

if ((status == 0)); then echo "lint-docker.sh: docker/compose.yaml, docker/Dockerfile and the image's init script are fine"; fi
exit $status
