package io.flatingest.batch.common;

import io.flatingest.report.control.ReportStore;
import io.flatingest.transfer.control.ExecutionRegistry;
import io.flatingest.transfer.control.TransferProgress;
import io.flatingest.transfer.control.TransferSlots;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Set;

/**
 * Around every execution: registers it with this server (crash recovery), records it in the report, and — for
 * transfers — holds one of the server's transfer slots while it runs, waiting (QUEUED) when none is free.
 */
@Named
@Dependent
public class ExecutionLifecycleListener implements JobListener {

    /** Jobs that count against the transfer limit. */
    static final Set<String> TRANSFERS = Set.of("file-import", "file-export");

    @Inject
    JobContext job;

    @Inject
    ExecutionRegistry registry;

    @Inject
    ReportStore reports;

    @Inject
    TransferSlots slots;

    @Inject
    TransferProgress progress;

    @Override
    public void beforeJob() {
        registry.started(job.getExecutionId(), job.getInstanceId());
        reports.executionStarted(job.getExecutionId(), job.getInstanceId(), job.getJobName());
        if (!TRANSFERS.contains(job.getJobName())) {
            return;
        }
        TransferProgress.Counters counters = progress.of(job.getInstanceId());
        if (!slots.tryAcquire()) {
            counters.state = "QUEUED";
            reports.executionStatus(job.getExecutionId(), "QUEUED");
            if (!slots.acquire(() -> job.getBatchStatus() == BatchStatus.STOPPING)) {
                return; // stopped while queued: the runtime ends the execution as STOPPED
            }
            reports.executionStatus(job.getExecutionId(), "STARTED");
        }
        job.setTransientUserData(Boolean.TRUE); // holds a slot
        counters.state = "RUNNING";
        counters.started = java.time.Instant.now();
    }

    @Override
    public void afterJob() {
        if (Boolean.TRUE.equals(job.getTransientUserData())) {
            slots.release();
        }
        // afterJob runs before the runtime moves a successful execution from STARTED to COMPLETED
        BatchStatus status = job.getBatchStatus();
        String finalStatus = switch (status) {
            case STARTED, STARTING -> "COMPLETED";
            case STOPPING -> "STOPPED";
            default -> status.name();
        };
        String exit = job.getExitStatus() == null ? finalStatus : job.getExitStatus();
        reports.executionEnded(job.getExecutionId(), finalStatus, exit, null);
        registry.ended(job.getExecutionId());
        progress.forget(job.getInstanceId());
    }
}
