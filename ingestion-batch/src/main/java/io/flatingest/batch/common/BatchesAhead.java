package io.flatingest.batch.common;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;

/**
 * Produces batches on a thread of its own, a bounded number ahead of the consumer: the import parses records, the
 * export decodes rows this way. A failure of the producing thread reaches the consumer on its next call, after the
 * batches produced before it; closing stops the thread (whoever owns the producer's input closes it, which unblocks
 * a read).
 *
 * @param <B> a batch
 */
public final class BatchesAhead<B> implements AutoCloseable {

    /** Makes the next batch, or null at the end. */
    @FunctionalInterface
    public interface Producer<B> {
        B next() throws Exception;
    }

    private static final Object END = new Object();

    private final Producer<B> producer;
    private final String interruptedMessage;
    private final String failureMessage;
    private final boolean uncheckedAsThrown;
    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean closed;
    private volatile long busyNanos;
    private volatile long blockedNanos;
    private long waitNanos;
    private boolean ended;

    /**
     * @param capacity           batches held ahead
     * @param interruptedMessage the message when the consumer is interrupted while it waits
     * @param failureMessage     how a failure that is no IOException starts its message, e.g. "Reading the file failed"
     * @param uncheckedAsThrown  whether a RuntimeException of the producer reaches the consumer as it was thrown
     *                           (else it is wrapped like any other failure)
     */
    public BatchesAhead(Producer<B> producer, int capacity, String threadName, String interruptedMessage,
                        String failureMessage, boolean uncheckedAsThrown, ThreadFactory threads) {
        this.producer = producer;
        this.interruptedMessage = interruptedMessage;
        this.failureMessage = failureMessage;
        this.uncheckedAsThrown = uncheckedAsThrown;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = threads.newThread(this::produce);
        thread.setName(threadName);
        thread.start();
    }

    /** The next batch, or null at the end. */
    @SuppressWarnings("unchecked")
    public B next() throws IOException {
        if (ended) {
            return null;
        }
        Object batch;
        try {
            batch = queue.poll();
            if (batch == null) {
                long began = System.nanoTime();
                batch = queue.take();
                waitNanos += System.nanoTime() - began;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(interruptedMessage);
        }
        if (batch != END) {
            return (B) batch;
        }
        ended = true;
        Throwable f = failure;
        if (f instanceof IOException io) {
            throw io;
        }
        if (uncheckedAsThrown && f instanceof RuntimeException re) {
            throw re;
        }
        if (f != null) {
            throw new IOException(failureMessage + ": " + f.getMessage(), f);
        }
        return null;
    }

    private void produce() {
        long began = System.nanoTime();
        long blocked = 0;
        try {
            B batch;
            while (!closed && (batch = producer.next()) != null) {
                if (!queue.offer(batch)) {
                    long full = System.nanoTime();
                    queue.put(batch);
                    blocked += System.nanoTime() - full;
                }
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

    /** Time the consumer waited for batches. */
    public long waitNanos() {
        return waitNanos;
    }

    /** Time the producing thread spent producing, waits for its input included (known once it ended). */
    public long busyNanos() {
        return busyNanos;
    }

    /** Time the producing thread waited for room in the queue (known once it ended). */
    public long blockedNanos() {
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
