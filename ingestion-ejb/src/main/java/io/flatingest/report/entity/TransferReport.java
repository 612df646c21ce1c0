package io.flatingest.report.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What a transfer (a job instance with all its executions) is: recorded when it is submitted. */
@Entity
@Table(name = "transfer_report")
public class TransferReport {

    @Id
    @Column(name = "job_instance")
    private long jobInstance;

    @Column(name = "job_name", nullable = false)
    private String jobName;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(nullable = false)
    private Instant submitted;

    private String source;

    private String target;

    private String parameters;

    @Column(name = "total_bytes")
    private Long totalBytes;

    @Column(name = "reconciliation_expected")
    private Long reconciliationExpected;

    @Column(name = "reconciliation_actual")
    private Long reconciliationActual;

    @Column(name = "reconciliation_note")
    private String reconciliationNote;

    protected TransferReport() {
    }

    public TransferReport(long jobInstance, String jobName, String submittedBy, String source, String target,
                          String parameters) {
        this.jobInstance = jobInstance;
        this.jobName = jobName;
        this.submittedBy = submittedBy;
        this.submitted = Instant.now();
        this.source = source;
        this.target = target;
        this.parameters = parameters;
    }

    public long getJobInstance() {
        return jobInstance;
    }

    public String getJobName() {
        return jobName;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmitted() {
        return submitted;
    }

    public String getSource() {
        return source;
    }

    public String getTarget() {
        return target;
    }

    public String getParameters() {
        return parameters;
    }

    public Long getTotalBytes() {
        return totalBytes;
    }

    public void setTotalBytes(Long totalBytes) {
        this.totalBytes = totalBytes;
    }

    public Long getReconciliationExpected() {
        return reconciliationExpected;
    }

    public Long getReconciliationActual() {
        return reconciliationActual;
    }

    public String getReconciliationNote() {
        return reconciliationNote;
    }

    /** Records what reconciliation found. */
    public void reconcile(long expected, long actual, String note) {
        this.reconciliationExpected = expected;
        this.reconciliationActual = actual;
        this.reconciliationNote = note;
    }
}
