package io.flatingest.transfer.boundary;

import io.flatingest.transfer.control.BatchJobs;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The one boundary through which transfers are started, watched and controlled. REST resources, Faces beans and
 * the scheduler build an immutable command and call this service; none of them touches the batch runtime.
 */
@ApplicationScoped
public class TransferService {

    @Inject
    BatchJobs jobs;

    /** Starts the self-check job; returns its execution id. */
    public long startSelfCheck(SelfCheckCommand command) {
        Properties p = new Properties();
        p.setProperty("rows", Long.toString(command.rows()));
        p.setProperty("database", command.database());
        p.setProperty("table", command.table());
        p.setProperty("chunkSize", Integer.toString(command.chunkSize()));
        return jobs.start("self-check", p);
    }

    /** One execution with its steps, or empty when unknown. */
    public Optional<ExecutionView> execution(long executionId) {
        return jobs.execution(executionId).map(this::view);
    }

    private ExecutionView view(JobExecution e) {
        List<ExecutionView.StepView> steps = jobs.steps(e.getExecutionId()).stream().map(TransferService::step).toList();
        return new ExecutionView(e.getExecutionId(), e.getJobName(), e.getBatchStatus().name(), e.getExitStatus(),
                instant(e.getStartTime()), instant(e.getEndTime()), steps);
    }

    private static ExecutionView.StepView step(StepExecution s) {
        Map<String, Long> metrics = new LinkedHashMap<>();
        for (Metric m : s.getMetrics()) {
            metrics.put(m.getType().name(), m.getValue());
        }
        return new ExecutionView.StepView(s.getStepName(), s.getBatchStatus().name(), s.getExitStatus(),
                instant(s.getStartTime()), instant(s.getEndTime()), metrics);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
