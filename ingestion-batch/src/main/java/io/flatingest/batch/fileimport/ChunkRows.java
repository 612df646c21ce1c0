package io.flatingest.batch.fileimport;

import io.flatingest.infrastructure.clickhouse.type.RowBinaryOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The converted rows of one chunk as the body of its staging INSERT: RowBinary rows back to back in one reusable
 * buffer, each followed by its bookkeeping columns (chunk id, write attempt). One array per chunk instead of an
 * array and an object per row, and an INSERT body that goes out in a single write. The attempt is known only when
 * the INSERT is sent (a retry uses a new one), so each row's attempt is patched in place then.
 */
final class ChunkRows {

    private final RowBinaryOutput out = new RowBinaryOutput(1 << 20);
    private int[] attemptAt = new int[4096];
    private int rows;
    private int rowStart;
    private long chunkId = -1;

    /** Starts the next row of chunk {@code chunkId}; encode its mapped columns into the returned buffer. */
    RowBinaryOutput startRow(long chunkId) {
        if (rows > 0 && chunkId != this.chunkId) {
            throw new IllegalStateException("Rows of chunk " + this.chunkId + " are not sent yet");
        }
        this.chunkId = chunkId;
        rowStart = out.position();
        return out;
    }

    /** Ends the row begun by {@link #startRow(long)}, appending its bookkeeping columns. */
    void endRow() {
        out.writeLong(chunkId);
        if (rows == attemptAt.length) {
            attemptAt = Arrays.copyOf(attemptAt, rows * 2);
        }
        attemptAt[rows++] = out.position();
        out.writeLong(0); // the attempt, set by send()
    }

    /** Drops what was encoded of a row that was rejected half-way. */
    void dropRow() {
        out.truncate(rowStart);
    }

    int rows() {
        return rows;
    }

    /** The id of the chunk these rows belong to, -1 while empty. */
    long chunkId() {
        return rows == 0 ? -1 : chunkId;
    }

    /** Writes the rows as an INSERT body tagged with {@code attempt}. */
    void send(long attempt, OutputStream body) throws IOException {
        for (int i = 0; i < rows; i++) {
            out.setLong(attemptAt[i], attempt);
        }
        out.writeTo(body);
    }

    /** Bytes of RowBinary held (the bookkeeping columns included). */
    int bytes() {
        return out.position();
    }

    /** Empties the buffer for the next chunk, keeping its capacity. */
    void clear() {
        out.reset();
        rows = 0;
        chunkId = -1;
    }
}
