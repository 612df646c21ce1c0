package io.flatingest.batch.fileimport;

import io.flatingest.transfer.control.RejectFile;
import jakarta.batch.runtime.context.StepContext;

/**
 * State one partition of the load step shares between its reader, processor, writer and listeners (they all run on
 * the partition's thread). Kept as the partition's transient step user data.
 */
final class PartitionWork {

    final long instance;
    final int partition;
    final RejectFile rejects;

    /** Offset of the first record read in the current chunk: the chunk's id. */
    long chunkId = -1;
    /** Rows staged in the current chunk, and by which attempt (0: none). */
    long chunkRows;
    long chunkAttempt;
    /** Records rejected in the current chunk. */
    long chunkRejected;
    /** Bytes of the file consumed in the current chunk. */
    long chunkBytes;
    /** Nano time the chunk began. */
    long chunkStarted;

    PartitionWork(long instance, int partition, RejectFile rejects) {
        this.instance = instance;
        this.partition = partition;
        this.rejects = rejects;
    }

    void startChunk() {
        chunkId = -1;
        chunkRows = 0;
        chunkAttempt = 0;
        chunkRejected = 0;
        chunkBytes = 0;
        chunkStarted = System.nanoTime();
    }

    static PartitionWork of(StepContext step) {
        Object work = step.getTransientUserData();
        if (!(work instanceof PartitionWork w)) {
            throw new IllegalStateException("The import reader has not opened this partition");
        }
        return w;
    }
}
