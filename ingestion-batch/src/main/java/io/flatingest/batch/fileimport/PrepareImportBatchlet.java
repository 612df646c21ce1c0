package io.flatingest.batch.fileimport;

import io.flatingest.catalog.boundary.CatalogService;
import io.flatingest.transfer.control.ImportFiles;
import io.flatingest.transfer.control.ImportLedger;
import io.flatingest.transfer.control.ImportParameters;
import io.flatingest.transfer.control.StagedImport;
import io.flatingest.transfer.control.TransferProgress;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Files;

/**
 * Runs before every execution of an import (first run and restarts): refuses a file that changed since the import
 * started, creates the staging table if it does not exist yet, and restores the live counters from the ledger.
 */
@Named
@Dependent
public class PrepareImportBatchlet extends AbstractBatchlet {

    /** ClickHouse connection profile. */
    @Inject
    @BatchProperty
    String connection;

    /** The import's id: names its staging table. */
    @Inject
    @BatchProperty
    String importId;

    /** File path relative to the landing directory. */
    @Inject
    @BatchProperty
    String file;

    /** File size when the import started. */
    @Inject
    @BatchProperty
    String fileSize;

    /** File modification time (epoch ms) when the import started. */
    @Inject
    @BatchProperty
    String fileModified;

    /** Target database. */
    @Inject
    @BatchProperty
    String database;

    /** Target table. */
    @Inject
    @BatchProperty
    String table;

    /** Definition of the table to create (JSON), empty to import into an existing table. */
    @Inject
    @BatchProperty
    String createTable;

    @Inject
    JobContext job;

    @Inject
    CatalogService catalog;

    @Inject
    ImportFiles files;

    @Inject
    ImportLedger ledger;

    @Inject
    TransferProgress progress;

    @Override
    public String process() throws Exception {
        var path = files.unchangedSource(file, Long.parseLong(fileSize), Long.parseLong(fileModified));
        long instance = job.getInstanceId();
        StagedImport staged = new StagedImport(catalog.gateway(connection), database, table, importId);
        staged.prepare(ImportParameters.table(createTable), ledger.journal(instance));
        ImportLedger.Totals totals = ledger.totals(instance);
        TransferProgress.Counters counters = progress.of(instance);
        counters.written.set(totals.rows());
        counters.rejected.set(totals.rejected());
        counters.read.set(totals.rows() + totals.rejected());
        counters.bytesDone.set(0);
        counters.bytesTotal.set(Files.size(path));
        return "PREPARED";
    }
}
