package io.flatingest.batch.fileexport;

import io.flatingest.infrastructure.clickhouse.type.ClickHouseTypes;
import io.flatingest.infrastructure.flatfile.ConfinedPaths;
import io.flatingest.infrastructure.flatfile.write.ExportColumn;
import io.flatingest.infrastructure.flatfile.write.ExportFileCheckpoint;
import io.flatingest.infrastructure.flatfile.write.ExportFileOptions;
import io.flatingest.infrastructure.flatfile.write.ExportFileWriter;
import io.flatingest.transfer.control.ExportParameters;
import io.flatingest.transfer.control.TransferDirectories;
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
import java.nio.file.Path;
import java.util.List;

/**
 * Writes rows into a temporary file beside the target: lines the reader formatted into bytes ({@link FormattedLine},
 * UTF-8 files) as they are, rows of texts through opencsv; the file is read back as it grows (not gzip files, see
 * {@link ExportReadBacks}); once every row is in, the verify step checks the rest of the file and renames it to the
 * target: readers of the export directory never see a half-written file. Rerun-safe: on a restart it cuts the
 * temporary file back to the length of the last checkpoint before writing again (with gzip, each checkpoint closes a
 * gzip member, so the cut always leaves a valid prefix).
 */
@Named
@Dependent
public class CsvItemWriter extends AbstractItemWriter {

    /** Target file name in the export directory. */
    @Inject
    @BatchProperty
    String fileName;

    /** File options as JSON. */
    @Inject
    @BatchProperty
    String fileOptions;

    /** Exported columns with types as JSON (header names; Array/Map/Tuple values are written as literals). */
    @Inject
    @BatchProperty
    String columns;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    TransferDirectories directories;

    @Inject
    ExportReadBacks readBacks;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private ExportFileWriter writer;
    private ExportWork work;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        work = ExportWork.of(step);
        Path target = new ConfinedPaths(directories.export()).resolve(fileName);
        List<ExportColumn> header = ExportParameters.columns(columns).stream()
                .map(c -> ExportColumn.of(c.name(), ClickHouseTypes.parse(c.type()))).toList();
        // Without a key the rows are read again from the first one, so the file starts over too.
        ExportFileCheckpoint resumeAt = work.resumable && checkpoint instanceof ExportFileCheckpoint c ? c : null;
        ExportFileOptions options = ExportParameters.options(fileOptions);
        writer = ExportFileWriter.open(target, header, options, resumeAt);
        work.checkpointLength = resumeAt == null ? 0 : resumeAt.fileLength();
        if (!options.gzip()) {
            work.readBack = readBacks.start(job.getExecutionId(), writer.temporaryFile(), options, threads);
        }
    }

    @Override
    public void writeItems(List<Object> items) throws Exception {
        int i = 0;
        while (i < items.size()) {
            if (items.get(i) instanceof FormattedLine line) {
                // consecutive lines of one batch lie back to back in one array: one write for all of them
                int to = line.to();
                int rows = 1;
                while (i + rows < items.size() && items.get(i + rows) instanceof FormattedLine next
                        && next.text() == line.text() && next.from() == to) {
                    to = next.to();
                    rows++;
                }
                writer.writeLines(line.text(), line.from(), to - line.from(), rows);
                i += rows;
            } else {
                writer.writeRow((String[]) items.get(i++));
            }
        }
        work.chunkWritten += items.size();
        work.fileLength = writer.bytesWritten();
    }

    @Override
    public Serializable checkpointInfo() throws Exception {
        ExportFileCheckpoint checkpoint = writer.checkpoint();
        work.checkpointLength = checkpoint.fileLength();
        return checkpoint;
    }

    @Override
    public void close() throws Exception {
        if (writer == null) {
            return;
        }
        if (work.endReached) {
            writer.finish(); // complete and durable; the verify step checks it, then renames it
        } else {
            readBacks.drop(job.getExecutionId());
            writer.close(); // keeps the temporary file for a restart
        }
    }
}
