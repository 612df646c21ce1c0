package io.flatingest.report.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One execution of a transfer (the first run or a restart). */
@Entity
@Table(name = "execution_report")
public class ExecutionReport {

    @Id
    @Column(name = "execution_id")
    private long executionId;

    @Column(name = "job_instance", nullable = false)
    private long jobInstance;

    @Column(name = "job_name", nullable = false)
    private String jobName;

    @Column(nullable = false)
    private String status;

    @Column(name = "exit_status")
    private String exitStatus;

    @Column(nullable = false)
    private Instant started;

    private Instant ended;

    private String failure;

    protected ExecutionReport() {
    }

    public ExecutionReport(long executionId, long jobInstance, String jobName) {
        this.executionId = executionId;
        this.jobInstance = jobInstance;
        this.jobName = jobName;
        this.status = "STARTED";
        this.started = Instant.now();
    }

    public long getExecutionId() {
        return executionId;
    }

    public long getJobInstance() {
        return jobInstance;
    }

    public String getJobName() {
        return jobName;
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

    public String getFailure() {
        return failure;
    }

    /** The execution ended. */
    public void end(String newStatus, String newExitStatus, String newFailure) {
        this.status = newStatus;
        this.exitStatus = newExitStatus;
        this.ended = Instant.now();
        if (newFailure != null) {
            this.failure = newFailure;
        }
    }

    /** The execution's status changed while it runs (queued, stopping, …). */
    public void status(String newStatus) {
        this.status = newStatus;
    }
}
