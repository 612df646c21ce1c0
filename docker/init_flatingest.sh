#!/bin/bash
# Run by the Payara image's entrypoint (it runs ${SCRIPT_DIR}/init_*.sh, possibly by sourcing them: no `set`, no
# `exit`) before the server boots. Writes the post-boot commands that create the jdbc/flatingest pool and resource
# and point the batch runtime at them, from the environment, with scripts/payara/render-commands.sh: the one list
# of commands the asadmin route and Payara Micro use too. The image appends its deploy commands after these.

flatingest_postboot() {
    local render=${SCRIPT_DIR}/flatingest/render-commands.sh
    local domain_xml=${PAYARA_DIR}/glassfish/domains/${DOMAIN_NAME}/config/domain.xml
    {
        # A restarted container keeps its domain: replace the pool so that changed settings take effect.
        if grep -q 'jndi-name="jdbc/flatingest"' "$domain_xml" 2>/dev/null; then
            echo "delete-jdbc-resource jdbc/flatingest"
            echo "delete-jdbc-connection-pool flatingest-pool"
        fi
        case "${FLATINGEST_DB:-postgresql}" in
            postgresql)
                "$render" postgresql "${FLATINGEST_DB_HOST:-postgres}" "${FLATINGEST_DB_PORT:-5432}" \
                    "${FLATINGEST_DB_NAME:-flatingest}" "${FLATINGEST_DB_USER:-flatingest}" "${FLATINGEST_DB_PASSWORD:-}"
                ;;
            h2)
                "$render" h2 "${FLATINGEST_DATA_DIR:-/var/lib/flatingest}"
                ;;
            *)
                echo "init_flatingest.sh: FLATINGEST_DB must be postgresql or h2, not '${FLATINGEST_DB}'" >&2
                return 1
                ;;
        esac
    } > "${POSTBOOT_COMMANDS}"
    echo "init_flatingest.sh: post-boot commands for the ${FLATINGEST_DB:-postgresql} database written to ${POSTBOOT_COMMANDS}"
}

flatingest_postboot
