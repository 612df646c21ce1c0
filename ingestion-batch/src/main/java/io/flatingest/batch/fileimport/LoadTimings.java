package io.flatingest.batch.fileimport;

import java.util.Locale;

/**
 * Where the load step's time goes, measured per chunk (not per row, which would cost more than it tells): the chunk
 * thread waiting for the parser, waiting for INSERTs, writing the ledger, and committing the checkpoint; whatever else the
 * chunk took is conversion and the batch runtime's per-item work. The parser thread's time is split into parsing
 * and waiting for room in its queue. Logged once when the step's reader closes.
 */
final class LoadTimings {

    long chunks;
    long rows;
    long chunkNanos;
    long ledgerNanos;
    long commitNanos;
    private long chunkStart;
    private long chunkEnd;

    void chunkStarted() {
        chunkStart = System.nanoTime();
        if (chunkEnd != 0) {
            commitNanos += chunkStart - chunkEnd; // the runtime's checkpoint and commit of the previous chunk
        }
    }

    void chunkEnded() {
        chunkEnd = System.nanoTime();
        chunkNanos += chunkEnd - chunkStart;
        chunks++;
    }

    /** One line for the log. */
    String describe(long parserWaitNanos, long parserBusyNanos, long parserBlockedNanos, long insertWaitNanos) {
        long rest = chunkNanos - parserWaitNanos - insertWaitNanos - ledgerNanos;
        return String.format(Locale.ROOT, "%d chunks, %d rows; chunk thread %.2f s: waiting for the parser %.2f s,"
                        + " converting (and the batch runtime per item) %.2f s, waiting for INSERTs %.2f s, ledger %.2f s,"
                        + " checkpoint and commit %.2f s; parser thread: parsing %.2f s, waiting for room %.2f s",
                chunks, rows, seconds(chunkNanos + commitNanos), seconds(parserWaitNanos), seconds(rest),
                seconds(insertWaitNanos), seconds(ledgerNanos), seconds(commitNanos), seconds(parserBusyNanos),
                seconds(parserBlockedNanos));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
