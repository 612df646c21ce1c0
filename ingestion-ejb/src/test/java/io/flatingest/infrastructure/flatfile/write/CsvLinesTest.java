package io.flatingest.infrastructure.flatfile.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CsvLines} against {@link ExportFileWriter#writeRow} (opencsv): for random rows of tricky values in random
 * dialects, the lines built from bytes are the file writeRow writes, byte for byte.
 */
class CsvLinesTest {

    /** Pieces values are made of: every character any dialect treats specially, multi-byte UTF-8, tokens. */
    private static final String[] PIECES = {"a", "Z", "1", "-5", " ", "\t", "\n", "\r", "\r\n", ",", ";", "|", "\"",
        "'", "\\", "\\N", "N", "NULL", "null", "=", "+", "-", "@", "\0", "\b", "\f", "é", "€", "😀", "[1,'x']"};
    private static final char[] DELIMITERS = {',', ';', '|', '\t', ' '};
    private static final String[] NULL_TOKENS = {"", "\\N", "NULL", "null", "-"};

    @TempDir
    Path dir;

    @Test
    void linesBuiltFromBytesAreWhatOpencsvWritesInEveryDialect() throws Exception {
        SplittableRandom random = new SplittableRandom(20261126);
        List<ExportColumn> columns = List.of(ExportColumn.of("text"), ExportColumn.of("other"),
                new ExportColumn("lit", true), ExportColumn.of("n"));
        for (int round = 0; round < 400; round++) {
            ExportFileOptions options = randomOptions(random);
            boolean protection = random.nextBoolean();
            boolean[] protect = {protection, false, protection, false};
            List<String[]> rows = new ArrayList<>();
            for (int r = random.nextInt(1, 40); r > 0; r--) {
                String[] row = new String[columns.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = randomValue(random);
                }
                rows.add(row);
            }
            byte[] expected = viaOpencsv(options, columns, protect, rows, round);
            byte[] actual = viaLines(options, columns, protect, rows, round, random);
            String what = "round " + round + ", " + options + ", protection " + protection;
            assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8), what);
        }
    }

    @Test
    void onlyUtf8FilesWithAsciiDelimiterAndQuote() {
        assertTrue(CsvLines.supports(ExportFileOptions.csv()));
        assertTrue(CsvLines.supports(ExportFileOptions.tsv()));
        assertFalse(CsvLines.supports(ExportFileOptions.csv().withCharset(StandardCharsets.ISO_8859_1)));
        assertFalse(CsvLines.supports(ExportFileOptions.csv().withDelimiter('§')));
        assertFalse(CsvLines.supports(ExportFileOptions.csv().withQuoteChar('«')));
        assertThrows(IllegalArgumentException.class, () -> new CsvLines(ExportFileOptions.csv()
                .withCharset(StandardCharsets.UTF_16), List.of(ExportColumn.of("a")), new boolean[1]));
    }

    @Test
    void aRowThatFailedHalfWayLeavesNothingBehind() {
        CsvLines lines = new CsvLines(ExportFileOptions.csv(), List.of(ExportColumn.of("a"), ExportColumn.of("b")),
                new boolean[2]);
        lines.text("1");
        lines.text("x,y");
        lines.endRow();
        lines.text("2");
        lines.dropRow();
        lines.nullValue();
        lines.text("3");
        lines.endRow();
        CsvLines.Block block = lines.take();
        assertEquals(2, block.lines());
        assertEquals("1,\"x,y\"\n,3\n", new String(block.text(), 0, block.ends()[1], StandardCharsets.UTF_8));
        assertEquals(8, block.start(1));
        assertEquals(0, lines.lines(), "a new block after take()");
        assertEquals(0, lines.length());
    }

    @Test
    void aHugeValueGrowsOneBlockOnly() {
        CsvLines lines = new CsvLines(ExportFileOptions.csv(), List.of(ExportColumn.of("a")), new boolean[1]);
        byte[] huge = new byte[3 << 20];
        java.util.Arrays.fill(huge, (byte) 'x');
        lines.utf8(huge, 0, huge.length);
        lines.endRow();
        assertEquals(huge.length + 1, lines.length());
        CsvLines.Block block = lines.take();
        assertEquals(huge.length + 1, block.ends()[0]);
        lines.text("small");
        lines.endRow();
        assertTrue(lines.take().text().length < huge.length, "the next block starts small again");
    }

    private static ExportFileOptions randomOptions(SplittableRandom random) {
        ExportFileOptions o;
        if (random.nextBoolean()) {
            o = ExportFileOptions.tsv();
        } else {
            char quote = random.nextBoolean() ? '"' : '\'';
            o = ExportFileOptions.csv().withQuoteChar(quote).withDelimiter(DELIMITERS[random.nextInt(DELIMITERS.length)])
                    .withQuoteAll(random.nextInt(4) == 0);
        }
        String token = NULL_TOKENS[random.nextInt(NULL_TOKENS.length)];
        if (token.indexOf(o.delimiter()) < 0) {
            o = o.withNullToken(token);
        }
        return o.withLineEnding(random.nextBoolean() ? "\n" : "\r\n").withHeader(random.nextBoolean())
                .withBom(random.nextInt(4) == 0).withOverwrite(true);
    }

    private static String randomValue(SplittableRandom random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return null;
        } else if (kind == 1) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(1, 5); i > 0; i--) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    /** The reference: the processor's protection, then writeRow. */
    private byte[] viaOpencsv(ExportFileOptions options, List<ExportColumn> columns, boolean[] protect,
                             List<String[]> rows, int round) throws Exception {
        Path target = dir.resolve("opencsv-" + round + ".csv");
        try (ExportFileWriter w = ExportFileWriter.open(target, columns, options, null)) {
            for (String[] row : rows) {
                String[] values = row.clone();
                for (int i = 0; i < values.length; i++) {
                    String v = values[i];
                    if (protect[i] && v != null && !v.isEmpty() && FormulaProtection.startsFormula(v.charAt(0))) {
                        values[i] = "'" + v;
                    }
                }
                w.writeRow(values);
            }
            w.commit();
        }
        return Files.readAllBytes(target);
    }

    /** The same rows through CsvLines, values handed over as bytes or as strings at random, in blocks. */
    private byte[] viaLines(ExportFileOptions options, List<ExportColumn> columns, boolean[] protect,
                            List<String[]> rows, int round, SplittableRandom random) throws Exception {
        Path target = dir.resolve("lines-" + round + ".csv");
        CsvLines lines = new CsvLines(options, columns, protect);
        try (ExportFileWriter w = ExportFileWriter.open(target, columns, options, null)) {
            for (String[] row : rows) {
                for (String v : row) {
                    if (v == null) {
                        lines.nullValue();
                    } else if (random.nextBoolean()) {
                        lines.text(v);
                    } else {
                        byte[] padded = ("xx" + v + "y").getBytes(StandardCharsets.UTF_8);
                        lines.utf8(padded, 2, padded.length - 3);
                    }
                }
                lines.endRow();
                if (random.nextInt(8) == 0) {
                    flush(lines, w);
                }
            }
            flush(lines, w);
            assertEquals(rows.size(), w.rowsWritten());
            w.commit();
        }
        return Files.readAllBytes(target);
    }

    private static void flush(CsvLines lines, ExportFileWriter w) throws Exception {
        int n = lines.lines();
        CsvLines.Block block = lines.take();
        if (n > 0) {
            w.writeLines(block.text(), 0, block.ends()[n - 1], n);
        }
    }
}
