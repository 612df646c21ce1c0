package io.flatingest.batch.fileimport;

import io.flatingest.catalog.boundary.CatalogService;
import io.flatingest.report.control.ReportStore;
import io.flatingest.transfer.control.ImportLedger;
import io.flatingest.transfer.control.ImportParameters;
import io.flatingest.transfer.control.PublicationLocks;
import io.flatingest.transfer.control.StagedImport;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/**
 * Applies the error policy's ratio limit to the whole file, then publishes the staged rows exactly once (see
 * {@code StagedImport}). Sets the exit status to {@code COMPLETED} or {@code COMPLETED WITH REJECTS}.
 */
@Named
@Dependent
public class PublishImportBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(PublishImportBatchlet.class.getName());

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

    /** Definition of the table to create (JSON), empty for an existing table. */
    @Inject
    @BatchProperty
    String createTable;

    /** -1 for no limit, else the largest tolerated share of rejected rows (0..1). */
    @Inject
    @BatchProperty
    String maxRejectedRatio;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    CatalogService catalog;

    @Inject
    ImportLedger ledger;

    @Inject
    ReportStore reports;

    @Inject
    PublicationLocks locks;

    private long count(io.flatingest.infrastructure.clickhouse.ClickHouseGateway gateway) {
        return Long.parseLong(gateway.queryValue("SELECT count() FROM "
                + io.flatingest.infrastructure.clickhouse.Identifiers.qualified(database, table)));
    }

    @Override
    public String process() {
        long instance = job.getInstanceId();
        ImportLedger.Totals totals = ledger.totals(instance);
        double limit = maxRejectedRatio == null || maxRejectedRatio.isBlank() ? -1 : Double.parseDouble(maxRejectedRatio);
        long seen = totals.rows() + totals.rejected();
        if (limit >= 0 && seen > 0 && (double) totals.rejected() / seen > limit) {
            throw new RejectedRowListener.RejectLimitException(String.format(
                    "%d of %d rows (%.2f%%) were rejected; the error policy allows %.2f%%. Nothing was published;"
                            + " the rejected rows are in the reject file.",
                    totals.rejected(), seen, 100.0 * totals.rejected() / seen, 100 * limit));
        }
        // One publication into a table at a time on this server: rows-before and the count after are this import's.
        return locks.whilePublishing(connection, database, table, () -> publish(instance, totals));
    }

    private String publish(long instance, ImportLedger.Totals totals) {
        var gateway = catalog.gateway(connection);
        StagedImport staged = new StagedImport(gateway, database, table, importId);
        boolean newTable = ImportParameters.table(createTable) != null;
        var journal = ledger.journal(instance);
        // Rows in the target before publication, recorded once (a restart mid-publication must not count again).
        long before = journal.sentQuery("meta:rows-before").map(Long::parseLong).orElseGet(() -> {
            long n = newTable ? 0 : count(gateway);
            journal.markSent("meta:rows-before", Long.toString(n));
            return n;
        });
        long published = staged.publish(totals.attempts(), totals.rows(), newTable, journal);
        long arrived = count(gateway) - before;
        boolean matches = arrived == published;
        String note = matches ? "the target gained exactly the rows published"
                : "MISMATCH: " + published + " rows were published but the target gained " + arrived
                + (newTable ? "" : " (other writers, materialized views or the table's engine may explain it)");
        reports.reconcile(instance, published, arrived, note);
        if (!matches) {
            LOG.severe(() -> "Import " + instance + " into " + database + "." + table + ": " + note);
        }
        LOG.info(() -> "Import " + instance + " published " + published + " rows into " + database + "." + table
                + " (" + totals.rejected() + " rejected)");
        String exit = !matches ? "COMPLETED WITH MISMATCH" : totals.rejected() > 0 ? "COMPLETED WITH REJECTS"
                : "COMPLETED";
        step.setExitStatus(exit);
        job.setExitStatus(exit);
        return exit;
    }
}
