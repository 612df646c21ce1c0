package io.flatingest.batch.fileexport;

import io.flatingest.batch.common.SingleThread;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.BiFunction;

/**
 * The rows of consecutive key ranges as one RowBinary stream: the queries' bodies back to back (RowBinary has no
 * header, so concatenated results are one valid result). While range i is read, the query of range i+1 is already
 * sent from a thread of its own, so that the server sorts it meanwhile: on servers that sort an {@code ORDER BY}
 * before sending its first row (18.16 has no read-in-order), the sort of all but the first range overlaps with the
 * export's own work instead of preceding it.
 *
 * <p>Ranges come in key order and each is ordered by the key, so the rows come in exactly the order of one query
 * over all of them, and the reader's checkpoint (last key, ties) means what it always meant.
 */
final class KeyRangeStream extends InputStream {

    /** One range: its SQL and the query id it runs under. */
    record Range(String sql, String queryId) {
    }

    /** A running query's result (a {@code ClickHouseGateway.QueryStream}). */
    interface QueryStream extends AutoCloseable {
        InputStream body();

        @Override
        void close();
    }

    private final List<Range> ranges;
    private final BiFunction<String, String, QueryStream> open;
    private final ExecutorService prefetch;
    private final List<String> started = new ArrayList<>();
    private int index = -1;
    private QueryStream current;
    private InputStream body;
    private Future<QueryStream> next;
    private boolean ended;
    private boolean closed;
    /** The result of the query sent ahead, once it answered and until it becomes current. */
    private QueryStream ahead;

    /**
     * @param open opens a query (SQL, query id) and returns once the server answered with the start of its body
     */
    KeyRangeStream(List<Range> ranges, BiFunction<String, String, QueryStream> open, ThreadFactory threads) {
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("no ranges");
        }
        this.ranges = List.copyOf(ranges);
        this.open = open;
        this.prefetch = SingleThread.named(threads, "flatingest-export-prefetch");
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            InputStream in = body();
            if (in == null) {
                return -1;
            }
            int n = in.read(b, off, len); // outside the lock: close() from another thread ends a blocked read
            if (n >= 0) {
                return n;
            }
            endOfRange();
        }
    }

    /**
     * The body being read, after moving to the next range when needed (its query may already be running; the one
     * after it is sent then); null at the end. Waits for a query outside the lock, so that close() never waits.
     */
    private InputStream body() throws IOException {
        Future<QueryStream> pending;
        Range range;
        int i;
        synchronized (this) {
            if (closed) {
                throw new IOException("The export's query stream was closed");
            }
            if (body != null || ended) {
                return body;
            }
            i = ++index;
            if (i >= ranges.size()) {
                ended = true;
                return null;
            }
            range = ranges.get(i);
            pending = next;
            next = null;
            if (pending == null) {
                started.add(range.queryId());
            }
        }
        QueryStream opened = pending != null ? await(pending) : open.apply(range.sql(), range.queryId());
        synchronized (this) {
            if (closed || opened == null) {
                if (opened != null) {
                    opened.close();
                }
                throw new IOException("The export's query stream was closed");
            }
            ahead = null;
            current = opened;
            body = opened.body();
            if (i + 1 < ranges.size()) {
                Range following = ranges.get(i + 1);
                started.add(following.queryId());
                next = prefetch.submit(() -> openAhead(following));
            }
            return body;
        }
    }

    /** Sends a range's query ahead; if the stream was closed meanwhile, closes the result (null then). */
    private QueryStream openAhead(Range range) {
        QueryStream q = open.apply(range.sql(), range.queryId());
        synchronized (this) {
            if (closed) {
                q.close();
                return null;
            }
            ahead = q;
        }
        return q;
    }

    private synchronized void endOfRange() {
        if (current != null) {
            current.close();
        }
        current = null;
        body = null;
    }

    private static QueryStream await(Future<QueryStream> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for the next key range");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException("Opening the next key range failed: " + e.getCause(), e.getCause());
        }
    }

    /** Query ids of the ranges sent so far (to cancel those still running when the export stops early). */
    synchronized List<String> startedQueryIds() {
        return List.copyOf(started);
    }

    /** How many ranges the rows are read in. */
    int rangeCount() {
        return ranges.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (current != null) {
            current.close();
            current = null;
        }
        if (ahead != null) { // a query still being sent ahead closes its own result when it answers (openAhead)
            ahead.close();
            ahead = null;
        }
        next = null;
        prefetch.shutdown(); // a query being sent ahead finishes and closes its result
    }
}
