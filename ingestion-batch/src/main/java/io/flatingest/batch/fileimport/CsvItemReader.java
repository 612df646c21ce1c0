package io.flatingest.batch.fileimport;

import io.flatingest.infrastructure.flatfile.FlatFileReader;
import io.flatingest.infrastructure.flatfile.FlatRecord;
import io.flatingest.infrastructure.flatfile.ReadOptions;
import io.flatingest.infrastructure.flatfile.ReadPosition;
import io.flatingest.transfer.control.ImportFiles;
import io.flatingest.transfer.control.ImportLedger;
import io.flatingest.transfer.control.ImportParameters;
import io.flatingest.transfer.control.RejectFile;
import io.flatingest.transfer.control.TransferProgress;
import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Streams the records of a flat file: our scanner finds record boundaries and byte offsets, opencsv parses the
 * fields. Parsing runs one record batch ahead on a thread of its own ({@link ReadAhead}), so that it overlaps with
 * the conversion and the inserts of the chunk thread.
 *
 * <p>The checkpoint is the byte offset of the first record after the last chunk whose rows ClickHouse confirmed,
 * with its line and record numbers, plus the reject file's length then: a restart seeks there (re-reading only what
 * was not confirmed) instead of re-parsing what was already imported.
 */
@Named
@Dependent
public class CsvItemReader extends AbstractItemReader {

    private static final Logger LOG = Logger.getLogger(CsvItemReader.class.getName());

    /** The import's id: names its work directory. */
    @Inject
    @BatchProperty
    String importId;

    /** File path relative to the landing directory. */
    @Inject
    @BatchProperty
    String file;

    /** File size when the import started (a restart refuses a changed file). */
    @Inject
    @BatchProperty
    String fileSize;

    /** File modification time (epoch ms) when the import started. */
    @Inject
    @BatchProperty
    String fileModified;

    /** The dialect as JSON. */
    @Inject
    @BatchProperty
    String dialect;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    ImportFiles files;

    @Inject
    ImportLedger ledger;

    @Inject
    TransferProgress progress;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private ReadAhead ahead;
    private ImportWork work;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        Path path = files.unchangedSource(file, Long.parseLong(fileSize), Long.parseLong(fileModified));
        ImportCheckpoint start = checkpoint instanceof ImportCheckpoint c ? c
                : new ImportCheckpoint(ReadPosition.BEGINNING, 0);
        // Ledger entries past the checkpoint belong to chunks whose checkpoint never committed: they are read again.
        ledger.discard(job.getInstanceId(), start.position().offset(), Long.MAX_VALUE);
        FlatFileReader reader = FlatFileReader.open(path, ImportParameters.dialect(dialect),
                ReadOptions.defaults().from(start.position()));
        work = new ImportWork(job.getInstanceId(), RejectFile.open(files.rejectFile(importId, 0),
                start.rejectFileLength()), new ImportCheckpoint(reader.position(), start.rejectFileLength()));
        step.setTransientUserData(work);
        progress.of(job.getInstanceId()).bytesDone.set(work.next.offset());
        ahead = new ReadAhead(reader, threads);
    }

    @Override
    public Object readItem() throws IOException {
        FlatRecord record = ahead.next();
        if (record == null) {
            work.endOfInput = true;
            return null;
        }
        if (work.chunkId < 0) {
            work.chunkId = record.startOffset();
        }
        ReadPosition next = record.next();
        work.chunkBytes += next.offset() - work.next.offset();
        work.next = next;
        return record;
    }

    /**
     * The position past the last chunk ClickHouse confirmed, which may lag one chunk behind what was read: see
     * {@link StagingInserts}.
     */
    @Override
    public Serializable checkpointInfo() {
        return work.confirmed;
    }

    @Override
    public void close() throws IOException {
        if (ahead != null) {
            ahead.close();
            if (work != null && work.timings.chunks > 0) {
                LOG.info(() -> "Import " + job.getInstanceId() + " (execution " + job.getExecutionId() + ") load step: "
                        + work.timings.describe(ahead.waitNanos(), ahead.busyNanos(), ahead.blockedNanos(),
                        work.inserts == null ? 0 : work.inserts.waitNanos()));
            }
        }
        if (work != null) {
            work.rejects.close();
        }
    }
}
