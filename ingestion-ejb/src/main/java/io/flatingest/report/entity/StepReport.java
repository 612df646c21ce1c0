package io.flatingest.report.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One step of an execution with the batch runtime's metrics. */
@Entity
@Table(name = "step_report")
@IdClass(StepReport.Key.class)
public class StepReport {

    @Id
    @Column(name = "execution_id")
    private long executionId;

    @Id
    private String step;

    @Column(nullable = false)
    private String status;

    @Column(name = "exit_status")
    private String exitStatus;

    @Column(nullable = false)
    private Instant started;

    private Instant ended;

    @Column(name = "read_count")
    private long readCount;

    @Column(name = "write_count")
    private long writeCount;

    @Column(name = "filter_count")
    private long filterCount;

    @Column(name = "skip_count")
    private long skipCount;

    @Column(name = "commit_count")
    private long commitCount;

    @Column(name = "rollback_count")
    private long rollbackCount;

    private String failure;

    protected StepReport() {
    }

    public StepReport(long executionId, String step) {
        this.executionId = executionId;
        this.step = step;
        this.status = "STARTED";
        this.started = Instant.now();
    }

    /** The step ended with these metrics. */
    public void end(String newStatus, String newExitStatus, long read, long write, long filter, long skip, long commit,
                    long rollback, String newFailure) {
        this.status = newStatus;
        this.exitStatus = newExitStatus;
        this.ended = Instant.now();
        this.readCount = read;
        this.writeCount = write;
        this.filterCount = filter;
        this.skipCount = skip;
        this.commitCount = commit;
        this.rollbackCount = rollback;
        this.failure = newFailure;
    }

    public long getExecutionId() {
        return executionId;
    }

    public String getStep() {
        return step;
    }

    public String getStatus() {
        return status;
    }

    public String getExitStatus() {
        return exitStatus;
    }

    public Instant getStarted() {
        return started;
    }

    public Instant getEnded() {
        return ended;
    }

    public long getReadCount() {
        return readCount;
    }

    public long getWriteCount() {
        return writeCount;
    }

    public long getFilterCount() {
        return filterCount;
    }

    public long getSkipCount() {
        return skipCount;
    }

    public long getCommitCount() {
        return commitCount;
    }

    public long getRollbackCount() {
        return rollbackCount;
    }

    public String getFailure() {
        return failure;
    }

    /** Primary key: execution and step name. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long executionId;
        private String step;

        public Key() {
        }

        public Key(long executionId, String step) {
            this.executionId = executionId;
            this.step = step;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && executionId == k.executionId && Objects.equals(step, k.step);
        }

        @Override
        public int hashCode() {
            return Objects.hash(executionId, step);
        }
    }
}
