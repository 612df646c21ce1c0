package io.flatingest.batch.fileimport;

/**
 * A chunk handed to the staging INSERTs, and once they confirm it, what its ledger entry records.
 *
 * @param id       the chunk's id: byte offset of its first record
 * @param rows     rows converted (and staged once confirmed)
 * @param rejected records rejected
 * @param bytes    bytes of the file the chunk consumed
 * @param after    the checkpoint just past the chunk
 * @param attempt  the write attempt whose staged rows count, 0 until confirmed or when there were no rows
 * @param startedNanos {@link System#nanoTime()} when the chunk began (for its report timing)
 */
record StagedChunk(long id, long rows, long rejected, long bytes, ImportCheckpoint after, long attempt,
                   long startedNanos) {

    /** This chunk, confirmed as staged by {@code attempt}. */
    StagedChunk stagedBy(long attempt) {
        return new StagedChunk(id, rows, rejected, bytes, after, attempt, startedNanos);
    }
}
