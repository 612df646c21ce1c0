package io.flatingest.batch.fileexport;

import jakarta.batch.runtime.context.StepContext;

/** What the export step's reader, writer and listener share (all on the step's thread). */
final class ExportWork {

    /** Whether the query's rows may be resumed after the last key, or must be written again from the start. */
    final boolean resumable;
    /** The reader reached the end of the rows: the writer may publish the file when it closes. */
    boolean endReached;
    /** Rows read and written in the current chunk. */
    long chunkRead;
    long chunkWritten;
    /** Length of the temporary file after the current chunk, and before it. */
    long fileLength;
    long previousFileLength;
    /**
     * Length of the temporary file at the last checkpoint, committed by the time a chunk listener sees it (the runtime
     * calls afterChunk before the chunk's own checkpoint): every record before it is final.
     */
    long checkpointLength;
    /** The file read back as it is written; null for gzip files. */
    ExportReadBacks.ReadBack readBack;
    /** Chunks this execution committed, and when the current one began. */
    int chunkSeq;
    long chunkStarted;

    ExportWork(boolean resumable) {
        this.resumable = resumable;
    }

    static ExportWork of(StepContext step) {
        Object work = step.getTransientUserData();
        if (!(work instanceof ExportWork w)) {
            throw new IllegalStateException("The export reader has not been opened");
        }
        return w;
    }
}
