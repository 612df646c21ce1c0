package io.flatingest.transfer.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * Ledger entry of an import: the chunk starting at byte {@code chunkId} of the file was staged by write attempt
 * {@code attempt} with {@code rowCount} rows. Written in the chunk's transaction, so it commits exactly when the
 * checkpoint does.
 */
@Entity
@Table(name = "import_chunk",
        uniqueConstraints = @UniqueConstraint(columnNames = {"job_instance", "chunk_id"}),
        indexes = @Index(columnList = "job_instance"))
public class ImportChunk {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_instance", nullable = false)
    private long jobInstance;

    @Column(name = "chunk_id", nullable = false)
    private long chunkId;

    @Column(nullable = false)
    private long attempt;

    @Column(name = "row_count", nullable = false)
    private long rowCount;

    protected ImportChunk() {
    }

    public ImportChunk(long jobInstance, long chunkId, long attempt, long rowCount) {
        this.jobInstance = jobInstance;
        this.chunkId = chunkId;
        this.attempt = attempt;
        this.rowCount = rowCount;
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

    /** A later attempt replaced the staged rows of this chunk. */
    public void replace(long newAttempt, long newRowCount) {
        this.attempt = newAttempt;
        this.rowCount = newRowCount;
    }
}
