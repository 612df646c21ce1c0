#!/usr/bin/env bash
# Prints the asadmin commands that prepare a Payara runtime (Micro post-boot file, Server domain, Docker image)
# for ClickHouse Flat-File Ingestion. One list for every route, so they cannot drift apart.
#
#   render-commands.sh h2 DATA_DIR                           embedded H2 file database under DATA_DIR/db
#   render-commands.sh postgresql HOST PORT DB USER PASSWORD  PostgreSQL
#
# The database holds both the Jakarta Batch job repository and the application's own tables; it is a
# server-level resource because set-batch-runtime-configuration refuses application-defined datasources.
set -euo pipefail

# asadmin --property values separate pairs with ':'; escape ':', '=' and '\\' inside a value. The whole --property
# argument is double-quoted, which both Payara Micro's post-boot file and Server's multimode read the same way.
esc() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g' -e 's/"/\\"/g'; }

kind=${1:?usage: render-commands.sh h2 DATA_DIR | postgresql HOST PORT DB USER PASSWORD}
case "$kind" in
    h2)
        dir=${2:?data directory}
        mkdir -p "$dir/db"
        dir=$(cd "$dir" && pwd)
        echo "create-jdbc-connection-pool --datasourceclassname org.h2.jdbcx.JdbcDataSource --restype javax.sql.DataSource --steadypoolsize 2 --maxpoolsize 64 --isconnectvalidatereq true --validationmethod auto-commit --property \"URL=$(esc "jdbc:h2:file:$dir/db/flatingest"):user=flatingest:password=flatingest\" flatingest-pool"
        ;;
    postgresql)
        host=${2:?host}; port=${3:?port}; db=${4:?database}; user=${5:?user}; password=${6-}
        echo "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource --steadypoolsize 2 --maxpoolsize 64 --isconnectvalidatereq true --validationmethod table --validationtable pg_catalog.pg_class --property \"serverName=$(esc "$host"):portNumber=$(esc "$port"):databaseName=$(esc "$db"):user=$(esc "$user"):password=$(esc "$password")\" flatingest-pool"
        ;;
    *) echo "render-commands.sh: unknown database kind '$kind'" >&2; exit 2 ;;
esac
echo "create-jdbc-resource --connectionpoolid flatingest-pool jdbc/flatingest"
echo "set-batch-runtime-configuration --datasourcelookupname jdbc/flatingest"
