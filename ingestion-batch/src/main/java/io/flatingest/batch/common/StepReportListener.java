package io.flatingest.batch.common;

import io.flatingest.report.control.FailureMessages;
import io.flatingest.report.control.ReportStore;
import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.EnumMap;
import java.util.Map;

/**
 * Records every step in the report with the batch runtime's metrics and, when it fails, the failure in words (the
 * execution's failure is its failing step's).
 */
@Named
@Dependent
public class StepReportListener implements StepListener {

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    ReportStore reports;

    @Override
    public void beforeStep() {
        reports.stepStarted(job.getExecutionId(), step.getStepName());
    }

    @Override
    public void afterStep() {
        Map<Metric.MetricType, Long> m = new EnumMap<>(Metric.MetricType.class);
        for (Metric metric : step.getMetrics()) {
            m.put(metric.getType(), metric.getValue());
        }
        Exception failure = step.getException();
        String status = failure != null ? "FAILED" : step.getBatchStatus() == BatchStatus.STOPPING ? "STOPPED"
                : step.getBatchStatus() == BatchStatus.FAILED ? "FAILED" : "COMPLETED";
        String message = FailureMessages.describe(failure);
        reports.stepEnded(job.getExecutionId(), step.getStepName(), status,
                step.getExitStatus() == null ? status : step.getExitStatus(),
                m.getOrDefault(Metric.MetricType.READ_COUNT, 0L), m.getOrDefault(Metric.MetricType.WRITE_COUNT, 0L),
                m.getOrDefault(Metric.MetricType.FILTER_COUNT, 0L),
                m.getOrDefault(Metric.MetricType.READ_SKIP_COUNT, 0L)
                        + m.getOrDefault(Metric.MetricType.PROCESS_SKIP_COUNT, 0L)
                        + m.getOrDefault(Metric.MetricType.WRITE_SKIP_COUNT, 0L),
                m.getOrDefault(Metric.MetricType.COMMIT_COUNT, 0L), m.getOrDefault(Metric.MetricType.ROLLBACK_COUNT, 0L),
                message);
        if (message != null) {
            reports.executionEnded(job.getExecutionId(), "FAILED", "FAILED", message);
        }
    }
}
