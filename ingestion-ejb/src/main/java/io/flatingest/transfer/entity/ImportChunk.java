package io.flatingest.transfer.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Ledger entry of an import: the chunk starting at byte {@code chunkId} of the file was staged by write attempt
 * {@code attempt} with {@code rowCount} rows, and {@code rejectedCount} of its records went to the reject file
 * (attempt 0: nothing was staged). Written once ClickHouse confirmed the chunk's INSERT, in the transaction of the
 * checkpoint that moves past the chunk, so it commits exactly when that checkpoint does.
 */
@Entity
@IdClass(ImportChunk.Key.class)
@Table(name = "import_chunk")
public class ImportChunk {

    @Id
    @Column(name = "job_instance", nullable = false)
    private long jobInstance;

    @Id
    @Column(name = "chunk_id", nullable = false)
    private long chunkId;

    @Column(nullable = false)
    private long attempt;

    @Column(name = "row_count", nullable = false)
    private long rowCount;

    @Column(name = "rejected_count", nullable = false)
    private long rejectedCount;

    protected ImportChunk() {
    }

    public ImportChunk(long jobInstance, long chunkId, long attempt, long rowCount, long rejectedCount) {
        this.jobInstance = jobInstance;
        this.chunkId = chunkId;
        this.attempt = attempt;
        this.rowCount = rowCount;
        this.rejectedCount = rejectedCount;
    }

    public long getChunkId() {
        return chunkId;
    }

    public long getAttempt() {
        return attempt;
    }

    public long getRowCount() {
        return rowCount;
    }

    public long getRejectedCount() {
        return rejectedCount;
    }

    /** A later attempt replaced the staged rows of this chunk. */
    public void replace(long newAttempt, long newRowCount, long newRejectedCount) {
        this.attempt = newAttempt;
        this.rowCount = newRowCount;
        this.rejectedCount = newRejectedCount;
    }

    /** Primary key: the job instance and the chunkId. */
    public static class Key implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private long jobInstance;
        private long chunkId;

        public Key() {
        }

        public Key(long jobInstance, long chunkId) {
            this.jobInstance = jobInstance;
            this.chunkId = chunkId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && jobInstance == k.jobInstance && chunkId == k.chunkId;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(jobInstance, chunkId);
        }
    }
}
