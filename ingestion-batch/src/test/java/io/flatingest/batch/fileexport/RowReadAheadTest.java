package io.flatingest.batch.fileexport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flatingest.infrastructure.clickhouse.type.ClickHouseTypes;
import io.flatingest.infrastructure.clickhouse.type.FormatOptions;
import io.flatingest.infrastructure.clickhouse.type.RowBinaryInput;
import io.flatingest.infrastructure.clickhouse.type.RowDecoder;
import io.flatingest.infrastructure.flatfile.write.CsvLines;
import io.flatingest.infrastructure.flatfile.write.ExportColumn;
import io.flatingest.infrastructure.flatfile.write.ExportFileOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

/** Rows (UInt32 value, String value, String key) decoded ahead in order, failures after the rows before them. */
class RowReadAheadTest {

    private final List<Thread> started = new ArrayList<>();
    private final ThreadFactory threads = r -> {
        Thread t = new Thread(r);
        started.add(t);
        return t;
    };

    @Test
    void handsOutEveryRowInOrderWithItsKey() throws IOException {
        int count = 5_000;
        try (RowReadAhead ahead = new RowReadAhead(decoder(), input(rows(0, count)), 2, new int[] {2}, null, threads)) {
            int n = 0;
            String[] previous = null;
            for (RowReadAhead.Batch b = ahead.next(); b != null; b = ahead.next()) {
                assertTrue(b.size() > 0);
                for (int i = 0; i < b.size(); i++, n++) {
                    assertEquals(List.of(String.valueOf(n), "v" + n), Arrays.asList(b.rows()[i]));
                    assertEquals("k" + n / 3, b.keys()[i]);
                    assertNotSame(previous, b.rows()[i]);
                    previous = b.rows()[i];
                }
            }
            assertEquals(count, n);
            assertNull(ahead.next());
        }
        assertFalse(started.get(0).isAlive());
    }

    @Test
    void aFailureComesAfterTheRowsDecodedBeforeIt() throws IOException {
        byte[] bytes = rows(0, 3_000);
        try (RowReadAhead ahead = new RowReadAhead(decoder(), input(Arrays.copyOf(bytes, bytes.length - 2)), 2,
                new int[] {2}, null, threads)) {
            int n = 0;
            EOFException e = null;
            try {
                for (RowReadAhead.Batch b = ahead.next(); b != null; b = ahead.next()) {
                    n += b.size();
                }
            } catch (EOFException thrown) {
                e = thrown;
            }
            assertEquals(2_999, n);
            assertTrue(e != null && e.getMessage().startsWith("row 3000 "), String.valueOf(e));
            assertNull(ahead.next());
        }
    }

    @Test
    void formattedIntoLinesWithTheKeyOfAnExportedColumn() throws IOException {
        int count = 5_000;
        CsvLines lines = new CsvLines(ExportFileOptions.csv(), List.of(ExportColumn.of("id"), ExportColumn.of("name")),
                new boolean[2]);
        // the key is column 0 (id) here, as for an exported integer key; the third column is read but not written
        try (RowReadAhead ahead = new RowReadAhead(decoder(), input(rows(0, count)), 2, new int[] {0}, lines,
                threads)) {
            int n = 0;
            for (RowReadAhead.Batch b = ahead.next(); b != null; b = ahead.next()) {
                assertNull(b.rows());
                CsvLines.Block block = b.lines();
                assertEquals(b.size(), block.lines());
                for (int i = 0; i < b.size(); i++, n++) {
                    assertEquals(n + ",v" + n + "\n", new String(block.text(), block.start(i),
                            block.ends()[i] - block.start(i), StandardCharsets.UTF_8));
                    assertEquals(String.valueOf(n), b.keys()[i]);
                }
            }
            assertEquals(count, n);
        }
    }

    @Test
    void aFailureWhileFormattingLeavesNoHalfLine() throws IOException {
        byte[] bytes = rows(0, 3_000);
        CsvLines lines = new CsvLines(ExportFileOptions.csv(), List.of(ExportColumn.of("id"), ExportColumn.of("name")),
                new boolean[2]);
        try (RowReadAhead ahead = new RowReadAhead(decoder(), input(Arrays.copyOf(bytes, bytes.length - 2)), 2,
                new int[] {2}, lines, threads)) {
            int n = 0;
            RowReadAhead.Batch last = null;
            EOFException e = null;
            try {
                for (RowReadAhead.Batch b = ahead.next(); b != null; b = ahead.next()) {
                    n += b.size();
                    last = b;
                }
            } catch (EOFException thrown) {
                e = thrown;
            }
            assertEquals(2_999, n);
            assertTrue(e != null && e.getMessage().startsWith("row 3000 "), String.valueOf(e));
            CsvLines.Block block = last.lines();
            assertEquals("2998,v2998\n", new String(block.text(), block.start(block.lines() - 1),
                    block.ends()[block.lines() - 1] - block.start(block.lines() - 1), StandardCharsets.UTF_8));
        }
    }

    @Test
    void wideRowsEndABatchOfLinesEarly() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] wide = "w".repeat(300_000).getBytes(StandardCharsets.UTF_8);
        for (int r = 0; r < 10; r++) {
            for (int v = wide.length; ; v >>>= 7) { // LEB128 length
                out.write(v < 0x80 ? v : v & 0x7F | 0x80);
                if (v < 0x80) {
                    break;
                }
            }
            out.writeBytes(wide);
        }
        RowDecoder decoder = new RowDecoder(List.of("s"), List.of(ClickHouseTypes.parse("String")),
                FormatOptions.defaults());
        CsvLines lines = new CsvLines(ExportFileOptions.csv(), List.of(ExportColumn.of("s")), new boolean[1]);
        try (RowReadAhead ahead = new RowReadAhead(decoder, new RowBinaryInput(new ByteArrayInputStream(
                out.toByteArray()), 1 << 20), 1, new int[0], lines, threads)) {
            List<Integer> sizes = new ArrayList<>();
            for (RowReadAhead.Batch b = ahead.next(); b != null; b = ahead.next()) {
                sizes.add(b.size());
            }
            assertEquals(List.of(4, 4, 2), sizes, "a batch ends once its lines pass 1 MiB");
        }
    }

    @Test
    void closingBeforeTheEndStopsTheThread() throws IOException {
        InputStream endless = new InputStream() {
            private final byte[] chunk = rows(0, 1_000);
            private int pos;

            @Override
            public int read() {
                int b = chunk[pos] & 0xFF;
                pos = (pos + 1) % chunk.length;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = Math.min(len, chunk.length - pos);
                System.arraycopy(chunk, pos, b, off, n);
                pos = (pos + n) % chunk.length;
                return n;
            }
        };
        RowReadAhead ahead = new RowReadAhead(decoder(), input(endless), 2, new int[] {2}, null, threads);
        assertEquals(2048, ahead.next().size());
        ahead.close();
        assertFalse(started.get(0).isAlive());
    }

    private static RowDecoder decoder() {
        return new RowDecoder(List.of("id", "name", "key"), List.of(ClickHouseTypes.parse("UInt32"),
                ClickHouseTypes.parse("String"), ClickHouseTypes.parse("String")), FormatOptions.defaults());
    }

    private static RowBinaryInput input(byte[] bytes) {
        return input(new ByteArrayInputStream(bytes));
    }

    private static RowBinaryInput input(InputStream in) {
        return new RowBinaryInput(in, 1 << 12);
    }

    /** RowBinary of rows {@code from} until {@code to}: id, "v" + id, key "k" + id / 3 (three rows a key). */
    private static byte[] rows(int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int id = from; id < to; id++) {
            out.write(id);
            out.write(id >>> 8);
            out.write(id >>> 16);
            out.write(id >>> 24);
            string(out, "v" + id);
            string(out, "k" + id / 3);
        }
        return out.toByteArray();
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b.length); // below 128: one LEB128 byte
        out.writeBytes(b);
    }
}
