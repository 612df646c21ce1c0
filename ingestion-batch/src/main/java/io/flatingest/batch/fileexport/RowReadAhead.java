package io.flatingest.batch.fileexport;

import io.flatingest.batch.common.BatchesAhead;
import io.flatingest.infrastructure.clickhouse.type.RowBinaryInput;
import io.flatingest.infrastructure.clickhouse.type.RowDecoder;
import io.flatingest.infrastructure.flatfile.write.CsvLines;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ThreadFactory;

/**
 * Reads and decodes RowBinary rows on a thread of its own, a bounded number of batches ahead of the consumer
 * ({@link BatchesAhead}, as the import's {@code ReadAhead} parses records). Each row comes out as its file line,
 * formatted by {@link CsvLines} into one array per batch (UTF-8 files), or as an array of its own holding the
 * exported values as texts (the item the chunk hands on); the row's key (read from exported columns or from extra
 * columns after them) goes into one array per batch, so that the consumer compares keys in place. A failure of the
 * decoding thread reaches the consumer after the rows decoded before it, on its next call; closing stops the thread
 * (the caller closes the stream first, which unblocks a read).
 */
final class RowReadAhead implements AutoCloseable {

    private static final int BATCH = 2048;
    private static final int BATCHES_AHEAD = 16;
    /** A batch of lines ends early at this size, so that wide rows keep the batches ahead within about 16 MB. */
    private static final int MAX_BLOCK_BYTES = 1 << 20;

    /**
     * Decoded rows: {@code rows[i]} are the values of row {@code i}, or, when formatted into lines, {@code lines}
     * holds its file line; {@code keys[i * keyCount …]} is its key.
     *
     * @param rows  the values, null when formatted into lines
     * @param lines the file lines, null when decoded into values
     * @param size  rows in this batch
     */
    record Batch(String[][] rows, CsvLines.Block lines, String[] keys, int size) {
    }

    private final RowDecoder decoder;
    private final RowBinaryInput input;
    private final int valueCount;
    private final int keyCount;
    private final int[] keyPositions;
    private final CsvLines lines;
    private final boolean[] keyText;
    private final BatchesAhead<Batch> ahead;
    /** A failure met after some rows of a batch: thrown once that batch is handed out. */
    private Exception pending;

    /**
     * @param valueCount   the exported values at the start of each decoded row
     * @param keyPositions where in a decoded row each key column is
     * @param lines        formats the exported values into file lines; null to decode them into texts
     */
    RowReadAhead(RowDecoder decoder, RowBinaryInput input, int valueCount, int[] keyPositions, CsvLines lines,
                 ThreadFactory threads) {
        this.decoder = decoder;
        this.input = input;
        this.valueCount = valueCount;
        this.keyCount = keyPositions.length;
        this.keyPositions = keyPositions.clone();
        this.lines = lines;
        this.keyText = new boolean[valueCount];
        for (int p : keyPositions) {
            if (p < valueCount) {
                keyText[p] = true;
            }
        }
        this.ahead = new BatchesAhead<>(this::decode, BATCHES_AHEAD, "flatingest-decode-ahead",
                "Interrupted while reading the rows", "Decoding the rows failed", true, threads);
    }

    /** The next batch of rows (never empty), or null at the end of the rows. */
    Batch next() throws IOException {
        return ahead.next();
    }

    /**
     * The next batch, null at the end; the rows decoded before a failure are handed out first. With lines, the
     * exported values go into them and only the key columns come back as text; without, every value does.
     */
    private Batch decode() throws Exception {
        if (pending != null) {
            throw pending;
        }
        String[] keys = new String[BATCH * keyCount];
        String[][] rows = lines == null ? new String[BATCH][] : null;
        int written = lines == null ? 0 : valueCount;
        int size = 0;
        try {
            String[] row;
            while (size < BATCH && (lines == null || lines.length() < MAX_BLOCK_BYTES)
                    && (row = decoder.write(input, lines, written, keyText)) != null) {
                if (rows != null) {
                    rows[size] = Arrays.copyOf(row, valueCount);
                }
                for (int k = 0; k < keyCount; k++) {
                    keys[size * keyCount + k] = row[keyPositions[k]];
                }
                size++;
            }
        } catch (Exception e) {
            if (lines != null) {
                lines.dropRow(); // the failed row's values so far
            }
            if (size == 0) {
                throw e;
            }
            pending = e;
        }
        return size == 0 ? null : new Batch(rows, lines == null ? null : lines.take(), keys, size);
    }

    /** Time the consumer waited for decoded rows. */
    long waitNanos() {
        return ahead.waitNanos();
    }

    /** Time the decoding thread spent reading and decoding, including the server's time to the first byte. */
    long busyNanos() {
        return ahead.busyNanos();
    }

    /** Time the decoding thread waited for room in the queue (known once it ended). */
    long blockedNanos() {
        return ahead.blockedNanos();
    }

    @Override
    public void close() {
        ahead.close();
    }
}
