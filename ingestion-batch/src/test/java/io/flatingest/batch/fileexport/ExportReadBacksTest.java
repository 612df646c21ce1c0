package io.flatingest.batch.fileexport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.flatingest.infrastructure.clickhouse.type.ClickHouseTypes;
import io.flatingest.infrastructure.flatfile.RecordTally;
import io.flatingest.infrastructure.flatfile.write.ExportColumn;
import io.flatingest.infrastructure.flatfile.write.ExportFileCheckpoint;
import io.flatingest.infrastructure.flatfile.write.ExportFileOptions;
import io.flatingest.infrastructure.flatfile.write.ExportFileWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ExportReadBacks}: the export file read back on a thread of its own while {@link ExportFileWriter} goes on
 * writing it, checkpoint after checkpoint, counts every row; a read-back that fails leaves the count to the verify
 * step.
 */
class ExportReadBacksTest {

    @TempDir
    Path dir;

    private final ExportReadBacks readBacks = new ExportReadBacks();

    @Test
    void readsTheFileBackWhileTheWriterGoesOnWritingIt() throws Exception {
        for (ExportFileOptions options : List.of(ExportFileOptions.csv(), ExportFileOptions.tsv())) {
            Path target = dir.resolve("out-" + options.format() + ".csv");
            List<ExportColumn> columns = List.of(ExportColumn.of("id", ClickHouseTypes.parse("UInt64")),
                    ExportColumn.of("text", ClickHouseTypes.parse("String")));
            ExportFileWriter writer = ExportFileWriter.open(target, columns, options, null);
            ExportReadBacks.ReadBack readBack = readBacks.start(1, writer.temporaryFile(), options,
                    Executors.defaultThreadFactory());
            int rows = 0;
            for (int chunk = 0; chunk < 40; chunk++) {
                for (int i = 0; i < 2_000; i++, rows++) {
                    writer.writeRow(new String[] {Integer.toString(rows), "row " + rows + ", \"quoted\"\nline\t"});
                }
                ExportFileCheckpoint checkpoint = writer.checkpoint();
                readBack.committed(checkpoint.fileLength());
                // a row after the checkpoint, cut off again by a restart from it, as a failed chunk's are
                writer.writeRow(new String[] {"in", "flight, not committed"});
                writer.close();
                writer = ExportFileWriter.open(target, columns, options, checkpoint);
            }
            writer.finish();
            long length = Files.size(writer.temporaryFile());
            RecordTally tally = readBacks.finish(1).orElseThrow();
            assertEquals(length, tally.checkedTo(), "read back up to the last checkpoint, which is the whole file");
            assertEquals(rows, tally.records());
            tally.toEnd();
            assertEquals(rows, tally.records());
            assertNull(tally.malformed());
            assertEquals(Optional.empty(), readBacks.finish(1), "handed over once");
        }
    }

    @Test
    void aReadBackThatFailsLeavesTheWholeFileToTheVerifyStep() throws Exception {
        Path gone = dir.resolve("never-written.csv");
        ExportReadBacks.ReadBack readBack = readBacks.start(2, gone, ExportFileOptions.csv(),
                Executors.defaultThreadFactory());
        readBack.committed(100);
        assertEquals(Optional.empty(), readBacks.finish(2));
    }

    @Test
    void aDroppedReadBackIsGone() throws Exception {
        Path file = Files.writeString(dir.resolve("f.csv"), "a\n1\n");
        readBacks.start(3, file, ExportFileOptions.csv(), Executors.defaultThreadFactory()).committed(4);
        readBacks.drop(3);
        assertEquals(Optional.empty(), readBacks.finish(3));
    }
}
