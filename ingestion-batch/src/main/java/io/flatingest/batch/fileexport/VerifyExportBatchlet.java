package io.flatingest.batch.fileexport;

import io.flatingest.infrastructure.flatfile.ConfinedPaths;
import io.flatingest.infrastructure.flatfile.Dialect;
import io.flatingest.infrastructure.flatfile.FlatFileReader;
import io.flatingest.infrastructure.flatfile.FlatRecord;
import io.flatingest.infrastructure.flatfile.write.ExportFileOptions;
import io.flatingest.transfer.control.ExportParameters;
import io.flatingest.transfer.control.TransferDirectories;
import io.flatingest.transfer.control.TransferTotalsStore;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Path;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Reconciliation: reads the finished file back with the reader imports use and compares its records with the rows
 * the export wrote. A difference fails the job, loudly, with both numbers.
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

    @Override
    public String process() throws Exception {
        Path file = new ConfinedPaths(directories.export()).resolve(fileName);
        ExportFileOptions o = ExportParameters.options(fileOptions);
        Dialect dialect = o.format() == ExportFileOptions.Format.TSV ? Dialect.tsv().withHeader(o.header())
                : Dialect.csv().withDelimiter(o.delimiter()).withQuote(o.quoteChar()).withHeader(o.header())
                .withNullTokens(Set.of());
        dialect = dialect.withEncoding(o.charset().name());
        long records = 0;
        try (FlatFileReader reader = FlatFileReader.open(file, dialect)) {
            FlatRecord r;
            while ((r = reader.read()) != null) {
                if (r.malformed()) {
                    throw new IllegalStateException("The exported file " + fileName + " does not read back: line "
                            + r.line() + ": " + r.problem());
                }
                records++;
            }
        }
        long written = totals.find(job.getInstanceId()).map(TransferTotalsStore.Totals::rowsWritten).orElse(0L);
        if (records != written) {
            throw new IllegalStateException("Reconciliation failed: " + fileName + " holds " + records
                    + " records but the export wrote " + written + " rows");
        }
        long count = records;
        LOG.info(() -> "Export " + job.getInstanceId() + ": " + fileName + " holds " + count + " rows, as written");
        return "VERIFIED";
    }
}
