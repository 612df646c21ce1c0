package io.flatingest.batch.fileimport;

import io.flatingest.catalog.boundary.CatalogService;
import io.flatingest.infrastructure.clickhouse.ClickHouseGateway;
import io.flatingest.transfer.control.ImportParameters;
import io.flatingest.transfer.control.StagedImport;
import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends each chunk to the import's staging table in one RowBinary INSERT (no row-by-row statements), tagging every
 * row with the chunk id and a write attempt that is unique to this insert, while the next chunk is read
 * ({@link StagingInserts}). Transient failures (ClickHouse briefly unreachable, too many parts) are retried with a
 * new attempt; the ledger entry that {@link ImportChunkListener} writes once the INSERT returned says which attempt
 * counts.
 */
@Named
@Dependent
public class ClickHouseItemWriter extends AbstractItemWriter {

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

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private ImportWork work;

    @Override
    public void open(Serializable checkpoint) {
        ClickHouseGateway gateway = catalog.gateway(connection);
        String stage = new StagedImport(gateway, database, table, importId).stageTable();
        List<String> insertColumns = new ArrayList<>();
        ImportParameters.columns(columns).forEach(c -> insertColumns.add(c.column()));
        insertColumns.add(StagedImport.CHUNK_COLUMN);
        insertColumns.add(StagedImport.ATTEMPT_COLUMN);
        int retries = insertRetries == null || insertRetries.isBlank() ? 5 : Integer.parseInt(insertRetries);
        work = ImportWork.of(step);
        work.inserts = new StagingInserts(new StagingInserts.Target(gateway, database, stage,
                List.copyOf(insertColumns), importId, job.getInstanceId(), job.getExecutionId(), retries), threads);
    }

    /** Hands the chunk's rows to the staging INSERTs; their confirmation is recorded by {@link ImportChunkListener}. */
    @Override
    public void writeItems(List<Object> items) {
        ChunkRows rows = work.rows;
        if (rows.rows() != items.size()) {
            throw new IllegalStateException("The chunk holds " + rows.rows() + " converted rows for " + items.size()
                    + " items");
        }
        work.inserts.submit(work.seal(items.size()), rows);
        work.rows = work.inserts.freeRows();
        work.handedOver = true;
    }

    @Override
    public void close() {
        if (work != null && work.inserts != null) {
            work.inserts.close();
        }
    }
}
