package io.flatingest.batch.fileimport;

import io.flatingest.infrastructure.flatfile.ReadPosition;
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
    /** Records rejected in the current chunk. */
    long chunkRejected;
    /** Bytes of the file consumed in the current chunk. */
    long chunkBytes;
    /** Whether the current chunk's rows went to the staging INSERTs (the writer ran). */
    boolean handedOver;
    /** The converted rows of the current chunk. */
    ChunkRows rows;
    /** The position of the next record to hand out. */
    ReadPosition next;
    /** Whether the reader reached the end of the file. */
    boolean endOfInput;
    /** The staging INSERTs (opened by the writer). */
    StagingInserts inserts;
    /** The checkpoint past the last chunk whose rows ClickHouse confirmed: what the step may commit. */
    ImportCheckpoint confirmed;
    /** Where the step's time goes. */
    final LoadTimings timings = new LoadTimings();
    /** Chunks this execution committed. */
    int chunkSeq;
    /** Nano time the chunk began. */
    long chunkStarted;

    ImportWork(long instance, RejectFile rejects, ImportCheckpoint start) {
        this.instance = instance;
        this.rejects = rejects;
        this.confirmed = start;
        this.next = start.position();
        this.rows = new ChunkRows();
    }

    void startChunk() {
        chunkId = -1;
        chunkRejected = 0;
        chunkBytes = 0;
        handedOver = false;
        rows.clear();
        chunkStarted = System.nanoTime();
        timings.chunkStarted();
    }

    /** The current chunk as read so far, with {@code rowCount} converted rows, for the staging INSERTs. */
    StagedChunk seal(long rowCount) {
        return new StagedChunk(chunkId, rowCount, chunkRejected, chunkBytes,
                new ImportCheckpoint(next, rejects.checkpoint()), 0, chunkStarted);
    }

    static ImportWork of(StepContext step) {
        Object work = step.getTransientUserData();
        if (!(work instanceof ImportWork w)) {
            throw new IllegalStateException("The import reader has not been opened");
        }
        return w;
    }
}
