package io.flatingest.transfer.control;

import io.flatingest.infrastructure.clickhouse.ClickHouseAccessException;
import io.flatingest.infrastructure.clickhouse.ClickHouseGateway;
import io.flatingest.infrastructure.clickhouse.ClickHouseTableCatalog;
import io.flatingest.infrastructure.clickhouse.ClickHouseTableCatalog.ColumnInfo;
import io.flatingest.infrastructure.clickhouse.ClickHouseTableCatalog.TableInfo;
import io.flatingest.infrastructure.clickhouse.Identifiers;
import io.flatingest.transfer.boundary.ImportCommand.TableDefinition;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * An import's staging table in ClickHouse and its publication into the target: the exactly-once part of an import.
 *
 * <p><b>Why a staging table.</b> Chunks are inserted into {@code _flatingest_stage_<import id>}, a table shaped like
 * the target plus two bookkeeping columns: the chunk id (byte offset of the chunk's first record, unique across
 * partitions) and the write attempt. A chunk's insert and its checkpoint cannot commit atomically — ClickHouse is not
 * part of the batch transaction — so after a crash, a stop or an outage the staging table may hold rows of attempts
 * whose checkpoint never committed, or of an insert whose answer was lost. The batch transaction does commit the
 * ledger entry "chunk → attempt" together with the checkpoint ({@link ImportLedger}); publication keeps exactly the
 * rows of the ledger's attempts and deletes the rest, then drops the bookkeeping columns.
 *
 * <p><b>Why ATTACH PARTITION.</b> Publication then moves the staged parts into the target with
 * {@code ALTER TABLE target ATTACH PARTITION ID … FROM stage}: per partition an atomic, hard-link operation (no data
 * is rewritten), followed by dropping that partition from the stage. Each step is journaled
 * ({@link PublishJournal}) before it is sent, with a query id; if the application dies between an ATTACH and the
 * matching DROP, the restart settles the question from {@code system.processes} and {@code system.query_log}, and,
 * failing those, from the parts' fingerprints. A new table is published by renaming the stage (atomic). Targets that
 * are not MergeTree tables (Log, Memory, Distributed, …) fall back to one INSERT … SELECT, journaled the same way.
 */
public class StagedImport {

    /** Bookkeeping column: id of the chunk a staged row belongs to. */
    public static final String CHUNK_COLUMN = "_flatingest_chunk";
    /** Bookkeeping column: write attempt of that chunk. */
    public static final String ATTEMPT_COLUMN = "_flatingest_attempt";

    private static final Logger LOG = Logger.getLogger(StagedImport.class.getName());

    private final ClickHouseGateway gateway;
    private final String database;
    private final String target;
    private final String importId;

    /**
     * @param importId the import's id (a job parameter: the same on every restart, unique across installations
     *                 sharing a ClickHouse server); names the staging table
     */
    public StagedImport(ClickHouseGateway gateway, String database, String target, String importId) {
        this.gateway = gateway;
        this.database = Identifiers.requireValid("database", database);
        this.target = Identifiers.requireValid("table", target);
        if (!importId.matches("[a-z0-9]{1,40}")) {
            throw new IllegalArgumentException("Invalid import id " + importId);
        }
        this.importId = importId;
    }

    /** A new import id: 16 random lower-case hex digits. */
    public static String newImportId() {
        return String.format("%016x", new java.security.SecureRandom().nextLong());
    }

    /** The staging table's name. */
    public String stageTable() {
        return "_flatingest_stage_" + importId;
    }

    private String commitTable() {
        return "_flatingest_commits_" + importId;
    }

    private String stage() {
        return Identifiers.qualified(database, stageTable());
    }

    private String targetName() {
        return Identifiers.qualified(database, target);
    }

    private ClickHouseTableCatalog catalog() {
        return new ClickHouseTableCatalog(gateway);
    }

    /** Whether the staging table exists. */
    public boolean stageExists() {
        return catalog().table(database, stageTable()).isPresent();
    }

    /**
     * Creates the staging table unless it exists (a restart keeps what earlier attempts staged).
     *
     * @param newTable the definition of a table to create, or null to import into the existing target
     */
    public void prepare(TableDefinition newTable, PublishJournal journal) {
        if (journal.started() || stageExists()) {
            return; // a restart: keep what earlier attempts staged (or published)
        }
        // Built under a temporary name and renamed, so that the stage appears complete or not at all.
        String building = Identifiers.qualified(database, stageTable() + "_building");
        gateway.execute("DROP TABLE IF EXISTS " + building);
        String bookkeeping = Identifiers.quote(CHUNK_COLUMN) + " UInt64";
        String attempt = Identifiers.quote(ATTEMPT_COLUMN) + " UInt64";
        if (newTable != null) {
            Map<String, String> settings = TableDdl.usesLowCardinality(newTable)
                    ? Map.of("allow_experimental_low_cardinality_type", "1") : Map.of();
            gateway.execute("CREATE TABLE " + building + " " + TableDdl.body(newTable, List.of(bookkeeping, attempt)),
                    settings, null);
        } else {
            TableInfo info = catalog().table(database, target).orElseThrow(() -> new IllegalStateException(
                    "Target table " + database + "." + target + " does not exist"));
            gateway.execute("CREATE TABLE " + building + " AS " + targetName() + stageEngine(info),
                    Map.of("allow_experimental_low_cardinality_type", "1"), null);
            gateway.execute("ALTER TABLE " + building + " ADD COLUMN " + bookkeeping + ", ADD COLUMN " + attempt);
        }
        gateway.execute("RENAME TABLE " + building + " TO " + stage());
    }

    /**
     * The engine clause of the staging table: the target's own for MergeTree tables (so that parts can be
     * attached), without replication (a stage is private to this server), and a plain MergeTree for targets that
     * cannot take attached parts.
     */
    static String stageEngine(TableInfo info) {
        String engine = info.engine();
        if (!engine.endsWith("MergeTree")) {
            return " ENGINE = MergeTree ORDER BY tuple()";
        }
        if (!engine.startsWith("Replicated")) {
            return "";
        }
        String full = info.engineFull() == null ? engine : info.engineFull();
        return " ENGINE = " + EngineClauses.withoutReplication(full);
    }

    /** Whether the target takes attached partitions (a MergeTree-family table). */
    boolean targetTakesPartitions() {
        return catalog().table(database, target).map(t -> t.engine().endsWith("MergeTree")).orElse(false);
    }

    /** The staging table's columns, which are the target's (plus bookkeeping until publication). */
    public List<ColumnInfo> stageColumns() {
        return catalog().columns(database, stageTable());
    }

    /**
     * Publishes the staged rows of the committed chunks into the target, exactly once whatever happened before,
     * and removes the staging table. Safe to call again after a failure at any point.
     *
     * @param committed    the ledger: chunk id → attempt whose rows count
     * @param expectedRows the number of rows the ledger says were staged (checked before anything is published)
     * @param newTable     true when the target is created by this import (published by renaming the stage)
     * @return the number of rows published
     */
    public long publish(Map<Long, Long> committed, long expectedRows, boolean newTable, PublishJournal journal) {
        if (journal.isDone("published")) {
            return expectedRows;
        }
        if (!stageExists()) {
            // The stage disappears only as the last act of a publication (renamed or dropped): if one began, it
            // finished; if none began, the staged rows are lost and nothing was published.
            if (journal.started()) {
                journal.markDone("published");
                return expectedRows;
            }
            throw new IllegalStateException("The staging table " + database + "." + stageTable()
                    + " is missing although the import was not published; nothing was published, rerun the import");
        }
        if (hasBookkeeping()) {
            keepCommittedRows(committed, expectedRows);
        }
        if (newTable) {
            publishByRename(journal);
        } else if (targetTakesPartitions()) {
            publishPartitions(journal);
        } else {
            publishByInsert(journal);
        }
        journal.markDone("published");
        return expectedRows;
    }

    /** Drops the staging table (after a publication, or to abandon an import). */
    public void discard() {
        gateway.execute("DROP TABLE IF EXISTS " + stage());
        gateway.execute("DROP TABLE IF EXISTS " + Identifiers.qualified(database, commitTable()));
    }

    private boolean hasBookkeeping() {
        return stageColumns().stream().anyMatch(c -> c.name().equals(CHUNK_COLUMN));
    }

    private void keepCommittedRows(Map<Long, Long> committed, long expectedRows) {
        String commits = Identifiers.qualified(database, commitTable());
        gateway.execute("DROP TABLE IF EXISTS " + commits);
        gateway.execute("CREATE TABLE " + commits + " (chunk UInt64, attempt UInt64) ENGINE = Log");
        if (!committed.isEmpty()) {
            ByteBuffer rows = ByteBuffer.allocate(committed.size() * 16).order(ByteOrder.LITTLE_ENDIAN);
            committed.forEach((chunk, attempt) -> rows.putLong(chunk).putLong(attempt));
            gateway.insert(database, commitTable(), List.of("chunk", "attempt"), "RowBinary",
                    out -> out.write(rows.array(), 0, rows.position()), Map.of(), null);
        }
        String uncommitted = "(" + Identifiers.quote(CHUNK_COLUMN) + ", " + Identifiers.quote(ATTEMPT_COLUMN)
                + ") NOT IN (SELECT chunk, attempt FROM " + commits + ")";
        long stale = count("SELECT count() FROM " + stage() + " WHERE " + uncommitted);
        if (stale > 0) {
            LOG.info(() -> "Import " + importId + ": removing " + stale + " staged rows of uncommitted attempts");
            gateway.execute("ALTER TABLE " + stage() + " DELETE WHERE " + uncommitted);
            awaitMutations();
        }
        long staged = count("SELECT count() FROM " + stage());
        if (staged != expectedRows) {
            throw new IllegalStateException("The staging table holds " + staged + " rows but the committed chunks"
                    + " account for " + expectedRows + "; nothing was published (restart the import to retry)");
        }
        gateway.execute("ALTER TABLE " + stage() + " DROP COLUMN " + Identifiers.quote(CHUNK_COLUMN)
                + ", DROP COLUMN " + Identifiers.quote(ATTEMPT_COLUMN));
        awaitMutations();
        gateway.execute("DROP TABLE IF EXISTS " + commits);
    }

    private void awaitMutations() {
        String sql = "SELECT count() FROM system.mutations WHERE database = " + Identifiers.literal(database)
                + " AND table = " + Identifiers.literal(stageTable()) + " AND NOT is_done";
        long deadline = System.nanoTime() + 3_600_000_000_000L;
        while (count(sql) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Mutations on the staging table did not finish within an hour");
            }
            sleep(200);
        }
    }

    private void publishByRename(PublishJournal journal) {
        if (catalog().table(database, target).isPresent()) {
            throw new IllegalStateException("Table " + database + "." + target + " was created by someone else while"
                    + " the import ran; the staged rows stay in " + stageTable());
        }
        journal.markSent("rename", "rename");
        gateway.execute("RENAME TABLE " + stage() + " TO " + targetName());
    }

    private void publishPartitions(PublishJournal journal) {
        for (String partition : stagedPartitions()) {
            String key = "partition:" + partition;
            Optional<String> sent = journal.sentQuery(key);
            boolean attached = sent.isPresent() && new PublishEvidence(gateway, database, target, stageTable())
                    .wasApplied(sent.get(), partition);
            if (!attached) {
                String queryId = "flatingest-publish-" + importId + "-" + partition + "-" + System.nanoTime();
                journal.markSent(key, queryId);
                gateway.execute("ALTER TABLE " + targetName() + " ATTACH PARTITION ID " + Identifiers.literal(partition)
                        + " FROM " + stage(), Map.of("log_queries", "1"), queryId);
            }
            gateway.execute("ALTER TABLE " + stage() + " DROP PARTITION ID " + Identifiers.literal(partition));
            journal.markDone(key);
        }
        gateway.execute("DROP TABLE IF EXISTS " + stage());
    }

    private void publishByInsert(PublishJournal journal) {
        Optional<String> sent = journal.sentQuery("insert");
        boolean inserted = sent.isPresent() && new PublishEvidence(gateway, database, target, stageTable())
                .wasApplied(sent.get(), null);
        if (!inserted) {
            String columns = stageColumns().stream().filter(ColumnInfo::insertable)
                    .map(c -> Identifiers.quote(c.name())).reduce((a, b) -> a + ", " + b).orElseThrow();
            String queryId = "flatingest-publish-" + importId + "-insert-" + System.nanoTime();
            journal.markSent("insert", queryId);
            gateway.execute("INSERT INTO " + targetName() + " (" + columns + ") SELECT " + columns + " FROM " + stage(),
                    Map.of("log_queries", "1"), queryId);
        }
        gateway.execute("DROP TABLE IF EXISTS " + stage());
    }

    private List<String> stagedPartitions() {
        return gateway.queryRows("SELECT DISTINCT partition_id FROM system.parts WHERE active AND database = "
                + Identifiers.literal(database) + " AND table = " + Identifiers.literal(stageTable())
                + " ORDER BY partition_id", Map.of()).stream().map(r -> r[0]).toList();
    }

    private long count(String sql) {
        return Long.parseLong(gateway.queryValue(sql));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClickHouseAccessException(ClickHouseAccessException.CLIENT_SIDE, "Interrupted", true, e);
        }
    }
}
