package io.flatingest.batch.fileexport;

import io.flatingest.infrastructure.clickhouse.type.RowBinaryInput;
import io.flatingest.infrastructure.clickhouse.type.RowDecoder;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;

/**
 * Reads and decodes RowBinary rows on a thread of its own, a bounded number of batches ahead of the consumer, like
 * the import's {@code ReadAhead} parses records. Each row comes out as an array of its own holding the exported
 * values (the item the chunk hands on); the key columns that follow them go into one array per batch, so the
 * consumer compares keys in place. A failure of the decoding thread reaches the consumer after the rows decoded
 * before it, on its next call; closing stops the thread (the caller closes the stream first, which unblocks a
 * read).
 */
final class RowReadAhead implements AutoCloseable {

    private static final int BATCH = 2048;
    private static final int BATCHES_AHEAD = 16;
    private static final Batch END = new Batch(new String[0][], new String[0], 0);

    /**
     * Decoded rows: {@code rows[i]} are the values of row {@code i}, {@code keys[i * keyCount …]} its key.
     *
     * @param size rows in this batch
     */
    record Batch(String[][] rows, String[] keys, int size) {
    }

    private final RowDecoder decoder;
    private final RowBinaryInput input;
    private final int valueCount;
    private final int keyCount;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean closed;
    private volatile long busyNanos;
    private volatile long blockedNanos;
    private long waitNanos;
    private boolean ended;

    RowReadAhead(RowDecoder decoder, RowBinaryInput input, int valueCount, int keyCount, ThreadFactory threads) {
        this.decoder = decoder;
        this.input = input;
        this.valueCount = valueCount;
        this.keyCount = keyCount;
        this.thread = threads.newThread(this::decode);
        thread.setName("flatingest-decode-ahead");
        thread.start();
    }

    /** The next batch of rows (never empty), or null at the end of the rows. */
    Batch next() throws IOException {
        if (ended) {
            return null;
        }
        Batch batch;
        try {
            batch = queue.poll();
            if (batch == null) {
                long began = System.nanoTime();
                batch = queue.take();
                waitNanos += System.nanoTime() - began;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while reading the rows");
        }
        if (batch != END) {
            return batch;
        }
        ended = true;
        Throwable f = failure;
        if (f instanceof IOException io) {
            throw io;
        }
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f != null) {
            throw new IOException("Decoding the rows failed: " + f.getMessage(), f);
        }
        return null;
    }

    private void decode() {
        long began = System.nanoTime();
        long blocked = 0;
        try {
            boolean more = true;
            while (more && !closed) {
                String[][] rows = new String[BATCH][];
                String[] keys = new String[BATCH * keyCount];
                int size = 0;
                try {
                    String[] row;
                    while (size < BATCH && (row = decoder.next(input)) != null) {
                        rows[size] = Arrays.copyOf(row, valueCount);
                        System.arraycopy(row, valueCount, keys, size * keyCount, keyCount);
                        size++;
                    }
                    more = size == BATCH;
                } catch (Throwable t) {
                    failure = t; // the rows before it are handed out first, as without the read-ahead
                    more = false;
                }
                if (size > 0) {
                    Batch batch = new Batch(rows, keys, size);
                    if (!queue.offer(batch)) {
                        long full = System.nanoTime();
                        queue.put(batch);
                        blocked += System.nanoTime() - full;
                    }
                }
            }
            if (!closed) {
                queue.put(END);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            blockedNanos = blocked;
            busyNanos = System.nanoTime() - began - blocked;
        }
    }

    /** Time the consumer waited for decoded rows. */
    long waitNanos() {
        return waitNanos;
    }

    /** Time the decoding thread spent reading and decoding, including the server's time to the first byte. */
    long busyNanos() {
        return busyNanos;
    }

    /** Time the decoding thread waited for room in the queue (known once it ended). */
    long blockedNanos() {
        return blockedNanos;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        queue.clear();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
