package io.flatingest.batch.fileexport;

import io.flatingest.infrastructure.flatfile.ConfinedPaths;
import io.flatingest.infrastructure.flatfile.Dialect;
import io.flatingest.infrastructure.flatfile.FlatFileReader;
import io.flatingest.infrastructure.flatfile.RecordCheck;
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
import java.util.Set;
import java.util.logging.Logger;

/**
 * Reconciliation, then publication: reads the finished temporary file back with the reader imports use, compares
 * its records with the rows the export wrote, and only when they agree renames it to its final name. A difference
 * fails the job, loudly, with both numbers, and the file is not published. Every record is checked as an import
 * would read it (structure and charset, see {@link FlatFileReader#check()}) without being split into fields: the
 * count is all reconciliation needs.
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

    @Override
    public String process() throws Exception {
        Path target = new ConfinedPaths(directories.export()).resolve(fileName);
        Path file = ExportFileWriter.temporaryFileFor(target);
        ExportFileOptions o = ExportParameters.options(fileOptions);
        if (!Files.exists(file) && Files.exists(target)) {
            return "VERIFIED"; // verified and published before a restart
        }
        Dialect dialect = o.format() == ExportFileOptions.Format.TSV ? Dialect.tsv().withHeader(o.header())
                : Dialect.csv().withDelimiter(o.delimiter()).withQuote(o.quoteChar()).withHeader(o.header())
                .withNullTokens(Set.of());
        dialect = dialect.withEncoding(o.charset().name());
        long records = 0;
        try (FlatFileReader reader = FlatFileReader.open(file, dialect)) {
            RecordCheck r;
            while ((r = reader.check()) != null) {
                if (r.malformed()) {
                    throw new IllegalStateException("The exported file " + fileName + " does not read back: line "
                            + r.line() + ": " + r.problem());
                }
                records++;
            }
        }
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
        LOG.info(() -> "Export " + job.getInstanceId() + ": " + fileName + " holds " + count + " rows, as written");
        return "VERIFIED";
    }
}
