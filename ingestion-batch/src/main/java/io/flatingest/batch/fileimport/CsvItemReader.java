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
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * Streams the records of one partition of a flat file (opencsv parses the fields; our scanner finds the record
 * boundaries and their byte offsets). The checkpoint is the next record's byte offset with its line and record
 * numbers, plus the reject file's length: a restart seeks there instead of re-parsing what was already imported.
 */
@Named
@Dependent
public class CsvItemReader extends AbstractItemReader {

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

    /** This partition's index (0 for an unpartitioned file). */
    @Inject
    @BatchProperty
    String partition;

    /** Byte offset where this partition starts (0: the beginning, with header and skipped lines). */
    @Inject
    @BatchProperty
    String startOffset;

    /** Line number at {@code startOffset}. */
    @Inject
    @BatchProperty
    String startLine;

    /** Record number at {@code startOffset}. */
    @Inject
    @BatchProperty
    String startRecord;

    /** Byte offset where the next partition starts, -1 for the end of the file. */
    @Inject
    @BatchProperty
    String endOffset;

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

    private FlatFileReader reader;
    private PartitionWork work;
    private long lastOffset;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        Path path = files.unchangedSource(file, Long.parseLong(fileSize), Long.parseLong(fileModified));
        long end = Long.parseLong(endOffset);
        int index = Integer.parseInt(partition);
        ImportCheckpoint start = checkpoint instanceof ImportCheckpoint c ? c
                : new ImportCheckpoint(new ReadPosition(Long.parseLong(startOffset), Long.parseLong(startLine),
                Long.parseLong(startRecord)), 0);
        // Ledger entries past the checkpoint belong to chunks whose checkpoint never committed: they are read again.
        ledger.discard(job.getInstanceId(), start.position().offset(), end < 0 ? Long.MAX_VALUE : end);
        ReadOptions options = ReadOptions.defaults().from(start.position());
        if (end >= 0) {
            options = options.until(end);
        }
        reader = FlatFileReader.open(path, ImportParameters.dialect(dialect), options);
        work = new PartitionWork(job.getInstanceId(), index,
                RejectFile.open(files.rejectFile(importId, index), start.rejectFileLength()));
        step.setTransientUserData(work);
        lastOffset = reader.position().offset();
        TransferProgress.Counters counters = progress.of(job.getInstanceId());
        counters.bytesDone.addAndGet(lastOffset - Long.parseLong(startOffset));
    }

    @Override
    public Object readItem() throws IOException {
        FlatRecord record = reader.read();
        while (record != null && record.blank() && !record.malformed()) {
            record = reader.read(); // empty lines carry no row
        }
        if (record != null && work.chunkId < 0) {
            work.chunkId = record.startOffset();
        }
        long now = reader.position().offset();
        work.chunkBytes += now - lastOffset;
        lastOffset = now;
        return record;
    }

    @Override
    public Serializable checkpointInfo() {
        return new ImportCheckpoint(reader.position(), work.rejects.checkpoint());
    }

    @Override
    public void close() throws IOException {
        if (work != null) {
            work.rejects.close();
        }
        if (reader != null) {
            reader.close();
        }
    }
}
