package io.flatingest.batch.fileimport;

import io.flatingest.infrastructure.flatfile.FlatFileReader;
import io.flatingest.infrastructure.flatfile.FlatRecord;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;

/**
 * Parses records on a thread of its own, a bounded number of batches ahead of the consumer. Empty lines are
 * dropped here. A failure of the parsing thread reaches the consumer on its next call; closing stops the thread
 * and closes the file.
 */
final class ReadAhead implements AutoCloseable {

    private static final int BATCH = 2048;
    private static final int BATCHES_AHEAD = 16;
    private static final List<FlatRecord> END = List.of();

    private final FlatFileReader reader;
    private final BlockingQueue<List<FlatRecord>> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread thread;
    private volatile Throwable failure;
    private long waitNanos;
    private volatile long busyNanos;
    private volatile long blockedNanos;
    private volatile boolean closed;
    private List<FlatRecord> current = List.of();
    private int index;
    private boolean ended;

    ReadAhead(FlatFileReader reader, ThreadFactory threads) {
        this.reader = reader;
        this.thread = threads.newThread(this::parse);
        thread.setName("flatingest-read-ahead");
        thread.start();
    }

    /** The next record, or null at the end of the file. */
    FlatRecord next() throws IOException {
        while (index >= current.size()) {
            if (ended) {
                return null;
            }
            try {
                current = queue.poll();
                if (current == null) {
                    long began = System.nanoTime();
                    current = queue.take();
                    waitNanos += System.nanoTime() - began;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while reading the file");
            }
            index = 0;
            if (current == END) {
                ended = true;
                Throwable f = failure;
                if (f instanceof IOException io) {
                    throw io;
                }
                if (f != null) {
                    throw new IOException("Reading the file failed: " + f.getMessage(), f);
                }
                return null;
            }
        }
        return current.get(index++);
    }

    private void parse() {
        long began = System.nanoTime();
        long blocked = 0;
        try {
            List<FlatRecord> batch = new ArrayList<>(BATCH);
            FlatRecord record;
            while (!closed && (record = reader.read()) != null) {
                if (record.blank() && !record.malformed()) {
                    continue; // empty lines carry no row
                }
                batch.add(record);
                if (batch.size() == BATCH) {
                    if (!queue.offer(batch)) {
                        long full = System.nanoTime();
                        queue.put(batch);
                        blocked += System.nanoTime() - full;
                    }
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty() && !closed) {
                queue.put(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Throwable t) {
            failure = t;
        } finally {
            blockedNanos = blocked;
            busyNanos = System.nanoTime() - began - blocked;
        }
        try {
            if (!closed) {
                queue.put(END);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Time the consumer waited for parsed records. */
    long waitNanos() {
        return waitNanos;
    }

    /** Time the parsing thread spent reading and parsing (known once it ended). */
    long busyNanos() {
        return busyNanos;
    }

    /** Time the parsing thread waited for room in the queue (known once it ended). */
    long blockedNanos() {
        return blockedNanos;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        thread.interrupt();
        queue.clear();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.close();
    }
}
