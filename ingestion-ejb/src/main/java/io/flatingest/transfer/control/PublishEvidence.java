package io.flatingest.transfer.control;

import io.flatingest.infrastructure.clickhouse.ClickHouseAccessException;
import io.flatingest.infrastructure.clickhouse.ClickHouseGateway;
import io.flatingest.infrastructure.clickhouse.Identifiers;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Settles whether a publication statement that was sent before a crash took effect: first from ClickHouse's own
 * records of the query (still running? finished? failed?), then, for an ATTACH, from the fingerprints of the
 * partition's parts. Never guesses: when nothing tells, it refuses and says what to check.
 */
final class PublishEvidence {

    private static final Logger LOG = Logger.getLogger(PublishEvidence.class.getName());

    private final ClickHouseGateway gateway;
    private final String database;
    private final String target;
    private final String stage;

    PublishEvidence(ClickHouseGateway gateway, String database, String target, String stage) {
        this.gateway = gateway;
        this.database = database;
        this.target = target;
        this.stage = stage;
    }

    /**
     * Whether the statement sent under {@code queryId} took effect.
     *
     * @param partition the partition id of an ATTACH, or null for an INSERT … SELECT
     */
    boolean wasApplied(String queryId, String partition) {
        awaitNotRunning(queryId);
        Boolean logged = fromQueryLog(queryId);
        if (logged != null) {
            LOG.info(() -> "Publication statement " + queryId + (logged ? " completed" : " failed")
                    + " according to system.query_log");
            return logged;
        }
        if (partition != null) {
            return fromPartFingerprints(partition);
        }
        throw new IllegalStateException("Cannot tell whether the publication INSERT (query id " + queryId
                + ") into " + database + "." + target + " completed: system.query_log has no record of it. Compare "
                + database + "." + target + " with the staging table " + database + "." + stage
                + ", then abandon the import or drop the staging table's rows from the target before restarting");
    }

    private void awaitNotRunning(String queryId) {
        String sql = "SELECT count() FROM system.processes WHERE query_id = " + Identifiers.literal(queryId);
        while (!"0".equals(gateway.queryValue(sql))) {
            StagedImport.sleep(500);
        }
    }

    /** True for a finished query, false for a failed one, null when the log has no end record. */
    private Boolean fromQueryLog(String queryId) {
        try {
            gateway.execute("SYSTEM FLUSH LOGS");
            List<String[]> rows = gateway.queryRows("SELECT CAST(type, 'Int8') FROM system.query_log WHERE query_id = "
                    + Identifiers.literal(queryId) + " AND CAST(type, 'Int8') > 1", Map.of());
            if (rows.isEmpty()) {
                return null;
            }
            return rows.stream().anyMatch(r -> r[0].equals("2"));
        } catch (ClickHouseAccessException e) {
            LOG.warning(() -> "system.query_log is not available (" + e.getMessage() + "); using part fingerprints");
            return null;
        }
    }

    /**
     * Whether the stage's parts of the partition are already in the target: attached parts are hard links of the
     * staged ones, so rows, sizes and marks are identical (kept parts merged away stay listed as inactive for a
     * while).
     */
    private boolean fromPartFingerprints(String partition) {
        String fingerprint = "rows, bytes_on_disk, data_compressed_bytes, data_uncompressed_bytes, marks";
        String where = " WHERE database = " + Identifiers.literal(database) + " AND partition_id = "
                + Identifiers.literal(partition);
        List<String> staged = gateway.queryRows("SELECT concat(" + fingerprintExpression(fingerprint)
                + ") FROM system.parts" + where + " AND active AND table = " + Identifiers.literal(stage), Map.of())
                .stream().map(r -> r[0]).toList();
        List<String> inTarget = gateway.queryRows("SELECT concat(" + fingerprintExpression(fingerprint)
                + ") FROM system.parts" + where + " AND table = " + Identifiers.literal(target), Map.of())
                .stream().map(r -> r[0]).toList();
        long found = staged.stream().filter(inTarget::contains).count();
        if (found == 0) {
            return false;
        }
        if (found == staged.size()) {
            return true;
        }
        throw new IllegalStateException("Partition " + partition + " of " + database + "." + target
                + " holds " + found + " of the " + staged.size() + " staged parts: compare it with the staging table "
                + stage + " before restarting");
    }

    private static String fingerprintExpression(String columns) {
        StringBuilder sb = new StringBuilder();
        for (String c : columns.split(", ")) {
            if (sb.length() > 0) {
                sb.append(", '/', ");
            }
            sb.append("toString(").append(c).append(')');
        }
        return sb.toString();
    }
}
