package io.flatingest.transfer.control;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The only class that talks to Jakarta Batch's {@link JobOperator}.
 *
 * <p>It is a CDI bean, not an EJB, on purpose: Payara tags every job execution with the component that started it
 * and hides it from other components. Calls made from the web module run in the web component's context, whose
 * tag stays the same across restarts and redeployments (an EJB's tag changes with every deployment).
 */
@ApplicationScoped
public class BatchJobs {

    /**
     * Looked up once: {@link BatchRuntime#getJobOperator()} runs a {@code ServiceLoader} scan over every jar of the
     * application each time, which made each poll of a job's progress cost milliseconds of CPU. The operator holds
     * no caller state (Payara resolves the caller's component tag on every call).
     */
    private volatile JobOperator operator;

    private JobOperator operator() {
        JobOperator o = operator;
        if (o == null) {
            o = BatchRuntime.getJobOperator();
            operator = o;
        }
        return o;
    }

    /** Starts a job by its job XML name; returns the execution id. */
    public long start(String jobName, Properties parameters) {
        return operator().start(jobName, parameters);
    }

    /**
     * Restarts a failed or stopped execution from its last checkpoint with the parameters it was started with
     * (Jakarta Batch would otherwise substitute only what {@code restart} is given); returns the new execution id.
     */
    public long restart(long executionId) {
        JobOperator operator = operator();
        return operator.restart(executionId, operator.getParameters(executionId));
    }

    /** Asks a running execution to stop at the next chunk boundary. */
    public void stop(long executionId) {
        operator().stop(executionId);
    }

    /** Marks a stopped or failed execution as never to be restarted. */
    public void abandon(long executionId) {
        operator().abandon(executionId);
    }

    /** The executions of the instance an execution belongs to, newest first. */
    public List<JobExecution> instanceExecutions(long executionId) {
        JobOperator operator = operator();
        return operator.getJobExecutions(operator.getJobInstance(executionId));
    }

    /** An execution, or empty when the id is unknown. */
    public Optional<JobExecution> execution(long executionId) {
        try {
            return Optional.of(operator().getJobExecution(executionId));
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
    }

    /** The steps of an execution with their metrics (zero while a step runs: see PLATFORM notes). */
    public List<StepExecution> steps(long executionId) {
        return operator().getStepExecutions(executionId);
    }

    /** The job instance an execution belongs to (restarts share it). */
    public long instanceId(long executionId) {
        return operator().getJobInstance(executionId).getInstanceId();
    }

    /** The parameters an execution was started with. */
    public Properties parameters(long executionId) {
        return operator().getParameters(executionId);
    }
}
