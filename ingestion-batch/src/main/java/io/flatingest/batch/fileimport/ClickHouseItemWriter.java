package io.flatingest.batch.fileimport;

import io.flatingest.catalog.boundary.CatalogService;
import io.flatingest.infrastructure.clickhouse.ClickHouseAccessException;
import io.flatingest.infrastructure.clickhouse.ClickHouseGateway;
import io.flatingest.transfer.control.ImportParameters;
import io.flatingest.transfer.control.StagedImport;
import io.flatingest.transfer.control.TransferProgress;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Sends each chunk to the import's staging table in one RowBinary INSERT (no row-by-row statements), tagging every
 * row with the chunk id and a write attempt that is unique to this insert. Transient failures (ClickHouse briefly
 * unreachable, too many parts) are retried with a new attempt; the ledger entry written by
 * {@link ImportChunkListener} in the chunk's transaction says which attempt counts.
 */
@Named
@Dependent
public class ClickHouseItemWriter extends AbstractItemWriter {

    private static final Logger LOG = Logger.getLogger(ClickHouseItemWriter.class.getName());

    /** ClickHouse connection profile. */
    @Inject
    @BatchProperty
    String connection;

    /** The import's id: names its staging table. */
    @Inject
    @BatchProperty
    String importId;

    /** Target database. */
    @Inject
    @BatchProperty
    String database;

    /** Target table. */
    @Inject
    @BatchProperty
    String table;

    /** Column mapping as JSON; its columns are the INSERT's column list. */
    @Inject
    @BatchProperty
    String columns;

    /** How often a failed INSERT is retried when the failure may be transient (default 5). */
    @Inject
    @BatchProperty
    String insertRetries;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    CatalogService catalog;

    @Inject
    TransferProgress progress;

    private ClickHouseGateway gateway;
    private String stage;
    private List<String> insertColumns;
    private long attempts;

    @Override
    public void open(Serializable checkpoint) {
        gateway = catalog.gateway(connection);
        stage = new StagedImport(gateway, database, table, importId).stageTable();
        insertColumns = new ArrayList<>();
        ImportParameters.columns(columns).forEach(c -> insertColumns.add(c.column()));
        insertColumns.add(StagedImport.CHUNK_COLUMN);
        insertColumns.add(StagedImport.ATTEMPT_COLUMN);
    }

    @Override
    public void writeItems(List<Object> items) {
        ImportWork work = ImportWork.of(step);
        long chunkId = work.chunkId; // the first record READ in the chunk: a rejected one may precede the first row
        if (chunkId < 0) {
            throw new IllegalStateException("writeItems before any record was read in the chunk");
        }
        ChunkRows rows = work.rows;
        if (rows.rows() != items.size()) {
            throw new IllegalStateException("The chunk holds " + rows.rows() + " converted rows for " + items.size()
                    + " items");
        }
        int retries = insertRetries == null || insertRetries.isBlank() ? 5 : Integer.parseInt(insertRetries);
        for (int failure = 0; ; failure++) {
            long attempt = nextAttempt();
            long began = System.nanoTime();
            try {
                gateway.insert(database, stage, insertColumns, "RowBinary", out -> rows.send(attempt, out), Map.of(),
                        "flatingest-import-" + importId + "-" + attempt);
                work.timings.insertNanos += System.nanoTime() - began;
                work.chunkAttempt = attempt;
                work.chunkRows = items.size();
                progress.of(job.getInstanceId()).written.addAndGet(items.size());
                return;
            } catch (ClickHouseAccessException e) {
                if (!e.isTransient() || failure >= retries) {
                    throw e;
                }
                long pause = Math.min(30_000, 1000L << failure);
                LOG.warning(() -> "Import " + job.getInstanceId() + ": INSERT of chunk " + chunkId + " failed ("
                        + e.getMessage() + "); retrying in " + pause + " ms with a new attempt");
                StagedImportPause.sleep(pause);
            }
        }
    }

    /** Unique per INSERT: the execution and a counter (execution ids and counters both stay far below 2^32). */
    private long nextAttempt() {
        return (job.getExecutionId() << 32) | (++attempts & 0xFFFFFFFFL);
    }

    /** Sleeping between retries without swallowing interrupts (a stop of the job). */
    static final class StagedImportPause {
        private StagedImportPause() {
        }

        static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting to retry an INSERT", e);
            }
        }
    }
}
