package io.flatingest.infrastructure.flatfile.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch restart cycle: write, checkpoint, write more, crash, reopen from the checkpoint, finish. Every row must
 * be in the committed file exactly once, plain and gzip.
 */
class ExportFileRestartTest {

    private static final List<ExportColumn> COLUMNS = List.of(ExportColumn.of("id"), ExportColumn.of("text"));

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void crashAfterACheckpointLeavesEveryRowOnce(boolean gzip) throws Exception {
        Path file = dir.resolve(gzip ? "rows.csv.gz" : "rows.csv");
        ExportFileOptions options = ExportFileOptions.csv().withGzip(gzip);

        ExportFileWriter first = ExportFileWriter.open(file, COLUMNS, options, null);
        rows(first, 0, 1000);
        ExportFileCheckpoint cp1 = first.checkpoint();
        rows(first, 1000, 1500);
        ExportFileCheckpoint cp2 = first.checkpoint();
        rows(first, 1500, 1700); // written, never checkpointed
        first.close(); // the crash: what reached the file stays there
        appendGarbage(first.temporaryFile()); // and a torn half-row for good measure
        assertEquals(1500, cp2.rows());
        assertTrue(cp2.fileLength() > cp1.fileLength());
        assertValidPrefix(first.temporaryFile(), cp2, gzip);

        ExportFileWriter second = ExportFileWriter.open(file, COLUMNS, options, cp2);
        assertEquals(1500, second.rowsWritten());
        rows(second, 1500, 1800);
        second.close(); // a second crash, before any new checkpoint

        ExportFileWriter third = ExportFileWriter.open(file, COLUMNS, options, cp2);
        rows(third, 1500, 2000);
        ExportFileCheckpoint cp3 = third.checkpoint();
        rows(third, 2000, 2100);
        third.commit();

        List<String> lines = lines(file, gzip);
        assertEquals("id,text", lines.get(0));
        assertEquals(2101, lines.size());
        for (int i = 0; i < 2100; i++) {
            assertEquals(i + "," + text(i), lines.get(i + 1));
        }
        assertEquals(2100, third.rowsWritten());
        assertEquals(Files.size(file), third.bytesWritten());
        byte[] text = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(text.length, third.textBytesWritten());
        assertTrue(cp3.fileLength() < Files.size(file));
        if (gzip) {
            assertZcatReads(file, 2101);
        }
    }

    @Test
    void restartingFromACheckpointWithNothingAfterIt() throws Exception {
        Path file = dir.resolve("same.tsv.gz");
        ExportFileOptions options = ExportFileOptions.tsv().withGzip(true);
        ExportFileWriter w = ExportFileWriter.open(file, COLUMNS, options, null);
        rows(w, 0, 10);
        ExportFileCheckpoint cp = w.checkpoint();
        assertEquals(cp, w.checkpoint()); // no new member for nothing
        w.close();
        ExportFileWriter again = ExportFileWriter.open(file, COLUMNS, options, cp);
        again.commit();
        assertEquals(11, lines(file, true).size());
    }

    @Test
    void anEmptyGzipExportIsStillGzip() throws Exception {
        Path file = dir.resolve("empty.csv.gz");
        ExportFileWriter w = ExportFileWriter.open(file, COLUMNS, ExportFileOptions.csv().withGzip(true)
                .withHeader(false), null);
        ExportFileCheckpoint cp = w.checkpoint();
        assertEquals(0, cp.fileLength());
        w.commit();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertEquals(0, in.readAllBytes().length);
        }
    }

    @Test
    void restartWithoutItsTemporaryFileFailsClearly() throws Exception {
        Path file = dir.resolve("lost.csv");
        ExportFileWriter w = ExportFileWriter.open(file, COLUMNS, ExportFileOptions.csv(), null);
        rows(w, 0, 100);
        ExportFileCheckpoint cp = w.checkpoint();
        w.close();
        Files.write(w.temporaryFile(), new byte[10]); // shorter than the checkpoint: lost in a machine crash
        ExportFileException shorter = assertThrows(ExportFileException.class,
                () -> ExportFileWriter.open(file, COLUMNS, ExportFileOptions.csv(), cp));
        assertTrue(shorter.getMessage().contains("fewer than the " + cp.fileLength()), shorter.getMessage());
        Files.delete(w.temporaryFile());
        ExportFileException gone = assertThrows(ExportFileException.class,
                () -> ExportFileWriter.open(file, COLUMNS, ExportFileOptions.csv(), cp));
        assertTrue(gone.getMessage().contains("is gone"), gone.getMessage());
    }

    private static void rows(ExportFileWriter w, int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            w.writeRow(new String[] {Integer.toString(i), text(i)});
        }
    }

    private static String text(int i) {
        return "row-" + i + "-" + "é".repeat(i % 7);
    }

    private static void appendGarbage(Path file) throws IOException {
        Files.write(file, "99999,half a r".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    }

    /** The first {@code cp.fileLength()} bytes are a complete file (every gzip member finished). */
    private static void assertValidPrefix(Path file, ExportFileCheckpoint cp, boolean gzip) throws IOException {
        byte[] prefix = java.util.Arrays.copyOf(Files.readAllBytes(file), (int) cp.fileLength());
        InputStream in = new ByteArrayInputStream(prefix);
        String text = new String(gzip ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes(),
                StandardCharsets.UTF_8);
        assertEquals(cp.textBytes(), text.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(cp.rows() + 1, text.lines().count());
    }

    private static List<String> lines(Path file, boolean gzip) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            return new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
    }

    /** The system's gzip reads the concatenated members as one stream, as zcat does. */
    private static void assertZcatReads(Path file, int expectedLines) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/gzip"))
                || Files.isExecutable(Path.of("/usr/bin/gzip")), "no gzip binary");
        Process p = new ProcessBuilder("gzip", "-dc", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals(expectedLines, out.lines().count());
    }
}
