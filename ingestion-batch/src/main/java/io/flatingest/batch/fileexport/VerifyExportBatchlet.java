package io.flatingest.batch.fileexport;

import io.flatingest.infrastructure.flatfile.ConfinedPaths;
import io.flatingest.infrastructure.flatfile.FlatFileReader;
import io.flatingest.infrastructure.flatfile.RecordCheck;
import io.flatingest.infrastructure.flatfile.RecordTally;
import io.flatingest.infrastructure.flatfile.write.ExportFileOptions;
import io.flatingest.infrastructure.flatfile.write.ExportFileWriter;
import io.flatingest.report.control.ReportStore;
import io.flatingest.transfer.control.ExportParameters;
import io.flatingest.transfer.control.TransferDirectories;
import io.flatingest.transfer.control.TransferTotalsStore;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Reconciliation, then publication: reads the finished temporary file back with the reader imports use, compares
 * its records with the rows the export wrote, and only when they agree renames it to its final name. Most of the file
 * was usually read back while the export step wrote it ({@link ExportReadBacks}); this step reads the rest, or the
 * whole file when that was not possible (gzip, a restart straight into this step). A difference fails the job,
 * loudly, with both numbers, and the file is not published. Every record is checked as an import would read it
 * (structure and charset, see {@link FlatFileReader#check()}) without being split into fields: the count is all
 * reconciliation needs.
 */
@Named
@Dependent
public class VerifyExportBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(VerifyExportBatchlet.class.getName());

    /** Target file name in the export directory. */
    @Inject
    @BatchProperty
    String fileName;

    /** File options as JSON. */
    @Inject
    @BatchProperty
    String fileOptions;

    @Inject
    JobContext job;

    @Inject
    TransferDirectories directories;

    @Inject
    TransferTotalsStore totals;

    @Inject
    ReportStore reports;

    @Inject
    ExportReadBacks readBacks;

    @Override
    public String process() throws Exception {
        Path target = new ConfinedPaths(directories.export()).resolve(fileName);
        Path file = ExportFileWriter.temporaryFileFor(target);
        ExportFileOptions o = ExportParameters.options(fileOptions);
        if (!Files.exists(file) && Files.exists(target)) {
            readBacks.drop(job.getExecutionId());
            return "VERIFIED"; // verified and published before a restart
        }
        RecordTally tally = readBacks.finish(job.getExecutionId())
                .orElseGet(() -> new RecordTally(file, ExportReadBacks.dialectOf(o)));
        long readBack = tally.checkedTo();
        tally.toEnd();
        RecordCheck r = tally.malformed();
        if (r != null) {
            throw new IllegalStateException("The exported file " + fileName + " does not read back: line "
                    + r.line() + ": " + r.problem());
        }
        long records = tally.records();
        long written = totals.find(job.getInstanceId()).map(TransferTotalsStore.Totals::rowsWritten).orElse(0L);
        if (records != written) {
            String note = "MISMATCH: " + fileName + " holds " + records + " records but the export wrote " + written
                    + " rows; the file was not published (it stays as " + file.getFileName() + ")";
            reports.reconcile(job.getInstanceId(), written, records, note);
            throw new IllegalStateException("Reconciliation failed: " + note);
        }
        reports.reconcile(job.getInstanceId(), written, records, "the file holds every row written");
        ExportFileWriter.publish(target, o.overwrite());
        long count = records;
        LOG.info(() -> "Export " + job.getInstanceId() + ": " + fileName + " holds " + count + " rows, as written ("
                + readBack + " bytes read back while exporting)");
        return "VERIFIED";
    }
}
