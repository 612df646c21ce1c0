package io.flatingest.batch.fileimport;

import io.flatingest.transfer.control.RejectFile;
import jakarta.batch.runtime.context.StepContext;

/**
 * State the load step shares between its reader, processor, writer and listeners (they all run on the step's
 * thread). Kept as the step's transient user data.
 */
final class ImportWork {

    final long instance;
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
    /** File offset of the next record to hand out. */
    long position;
    /** The converted rows of the current chunk. */
    final ChunkRows rows = new ChunkRows();
    /** Where the step's time goes. */
    final LoadTimings timings = new LoadTimings();
    /** Chunks this execution committed. */
    int chunkSeq;
    /** Nano time the chunk began. */
    long chunkStarted;

    ImportWork(long instance, RejectFile rejects) {
        this.instance = instance;
        this.rejects = rejects;
    }

    void startChunk() {
        chunkId = -1;
        chunkRows = 0;
        chunkAttempt = 0;
        chunkRejected = 0;
        chunkBytes = 0;
        rows.clear();
        chunkStarted = System.nanoTime();
        timings.chunkStarted();
    }

    static ImportWork of(StepContext step) {
        Object work = step.getTransientUserData();
        if (!(work instanceof ImportWork w)) {
            throw new IllegalStateException("The import reader has not been opened");
        }
        return w;
    }
}
