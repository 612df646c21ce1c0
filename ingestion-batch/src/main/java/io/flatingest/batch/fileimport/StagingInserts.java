package io.flatingest.batch.fileimport;

import io.flatingest.batch.common.SingleThread;
import io.flatingest.infrastructure.clickhouse.ClickHouseAccessException;
import io.flatingest.infrastructure.clickhouse.ClickHouseGateway;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The staging INSERTs of a load step, each on a thread of its own so that ClickHouse writes chunk k while the step
 * reads and converts chunk k+1. At most one INSERT is in flight: a chunk is handed over only once the previous
 * one's INSERT has returned, which also bounds memory to two chunks' rows.
 *
 * <p><b>Why this keeps exactly-once.</b> A chunk's ledger entry and the checkpoint that moves past it must commit
 * together, and only after ClickHouse confirmed the chunk's INSERT. Here the chunk transaction that hands a chunk
 * over commits neither: {@link #takeConfirmed()} yields a chunk only after its INSERT returned, and the chunk
 * listener then records its ledger entry and advances the checkpoint to the end of that chunk — in a later chunk's
 * transaction, or in the same one at the end of the file or on a stop ({@link #awaitAll()}). So the committed
 * checkpoint lags at most one chunk behind the reader and never passes an unconfirmed INSERT. If anything fails or
 * the server dies meanwhile, the restart re-reads from that checkpoint; rows that an unconfirmed INSERT did stage
 * belong to an attempt no ledger entry names, and publication deletes them (see {@code StagedImport}).
 */
final class StagingInserts implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StagingInserts.class.getName());

    /** Where the rows go: the gateway, the staging table and its INSERT column list. */
    record Target(ClickHouseGateway gateway, String database, String stage, List<String> columns, String importId,
                  long instance, long execution, int retries) {
    }

    private final Target target;
    private final ExecutorService sender;
    private final Deque<ChunkRows> free = new ArrayDeque<>();
    private final List<StagedChunk> confirmed = new ArrayList<>();
    private Future<StagedChunk> inFlight;
    private ChunkRows inFlightRows;
    private long attempts;
    private long waitNanos;

    StagingInserts(Target target, ThreadFactory threads) {
        this.target = target;
        this.sender = SingleThread.named(threads, "flatingest-insert");
    }

    /**
     * Hands over a chunk once the INSERT in flight (if any) has returned, then starts the chunk's INSERT; a chunk
     * without rows (all rejected) is confirmed at once.
     *
     * @param rows the chunk's rows; they belong to this object until they come back from {@link #freeRows()}
     * @throws ClickHouseAccessException when the previous INSERT failed for good
     */
    void submit(StagedChunk chunk, ChunkRows rows) {
        awaitAll();
        if (rows == null || rows.rows() == 0) {
            confirmed.add(chunk);
            if (rows != null) {
                free.push(rows);
            }
            return;
        }
        long attempt = nextAttempt();
        inFlightRows = rows;
        inFlight = sender.submit(() -> insert(chunk, rows, attempt));
    }

    /** Waits for the INSERT in flight, if any. */
    void awaitAll() {
        if (inFlight == null) {
            return;
        }
        long began = System.nanoTime();
        try {
            confirmed.add(inFlight.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the staging INSERT", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("The staging INSERT failed: " + e.getCause(), e.getCause());
        } finally {
            waitNanos += System.nanoTime() - began;
            inFlight = null;
            inFlightRows.clear();
            free.push(inFlightRows);
            inFlightRows = null;
        }
    }

    /** The chunks whose rows ClickHouse has confirmed since the last call, in file order. */
    List<StagedChunk> takeConfirmed() {
        List<StagedChunk> result = List.copyOf(confirmed);
        confirmed.clear();
        return result;
    }

    /** An empty buffer for the next chunk's rows. */
    ChunkRows freeRows() {
        ChunkRows rows = free.poll();
        return rows == null ? new ChunkRows() : rows;
    }

    /** Time spent waiting for INSERTs to return. */
    long waitNanos() {
        return waitNanos;
    }

    /**
     * Stops: waits for an INSERT still in flight (after a failure or a stop; its rows, never confirmed to the
     * ledger, are discarded at publication) and ends the sending thread.
     */
    @Override
    public void close() {
        if (inFlight != null) {
            try {
                inFlight.get(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | CancellationException | java.util.concurrent.TimeoutException e) {
                LOG.fine(() -> "Unconfirmed staging INSERT of import " + target.instance() + " ended: " + e);
            }
            inFlight = null;
        }
        sender.shutdownNow();
    }

    private StagedChunk insert(StagedChunk chunk, ChunkRows rows, long firstAttempt) throws InterruptedIOException {
        long attempt = firstAttempt;
        for (int failure = 0; ; failure++) {
            long current = attempt;
            try {
                target.gateway().insert(target.database(), target.stage(), target.columns(), "RowBinary",
                        out -> rows.send(current, out), Map.of(), "flatingest-import-" + target.importId() + "-" + current);
                return chunk.stagedBy(current);
            } catch (ClickHouseAccessException e) {
                if (!e.isTransient() || failure >= target.retries()) {
                    throw e;
                }
                long pause = Math.min(30_000, 1000L << failure);
                LOG.warning(() -> "Import " + target.instance() + ": INSERT of chunk " + chunk.id() + " failed ("
                        + e.getMessage() + "); retrying in " + pause + " ms with a new attempt");
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while waiting to retry an INSERT");
                }
                attempt = nextAttempt();
            }
        }
    }

    /** Unique per INSERT: the execution and a counter (execution ids and counters both stay far below 2^32). */
    private synchronized long nextAttempt() {
        return (target.execution() << 32) | (++attempts & 0xFFFFFFFFL);
    }
}
