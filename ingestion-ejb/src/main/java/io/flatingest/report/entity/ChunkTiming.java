package io.flatingest.report.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** How long one chunk took and how much it moved: the points of a throughput-over-time chart. */
@Entity
@Table(name = "chunk_timing")
@IdClass(ChunkTiming.Key.class)
public class ChunkTiming {

    @Id
    @Column(name = "execution_id")
    private long executionId;

    @Id
    private int seq;

    @Column(name = "job_instance", nullable = false)
    private long jobInstance;

    @Column(nullable = false)
    private Instant ended;

    private long millis;

    @Column(name = "row_count")
    private long rowCount;

    @Column(name = "byte_count")
    private long byteCount;

    protected ChunkTiming() {
    }

    public ChunkTiming(long executionId, int seq, long jobInstance, long millis, long rowCount, long byteCount) {
        this.executionId = executionId;
        this.seq = seq;
        this.jobInstance = jobInstance;
        this.ended = Instant.now();
        this.millis = millis;
        this.rowCount = rowCount;
        this.byteCount = byteCount;
    }

    public long getExecutionId() {
        return executionId;
    }

    public int getSeq() {
        return seq;
    }

    public Instant getEnded() {
        return ended;
    }

    public long getMillis() {
        return millis;
    }

    public long getRowCount() {
        return rowCount;
    }

    public long getByteCount() {
        return byteCount;
    }

    /** Primary key: execution and sequence number. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long executionId;
        private int seq;

        public Key() {
        }

        public Key(long executionId, int seq) {
            this.executionId = executionId;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && executionId == k.executionId && seq == k.seq;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(executionId) * 31 + seq;
        }
    }
}
