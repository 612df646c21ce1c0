package io.flatingest.transfer.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job execution as callers see it.
 *
 * @param executionId the Jakarta Batch execution id
 * @param jobName     the job (e.g. {@code file-import})
 * @param status      STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED or ABANDONED
 * @param exitStatus  the job's exit status, or null while running
 * @param steps       the steps run so far
 */
public record ExecutionView(long executionId, String jobName, String status, String exitStatus, Instant start,
                            Instant end, List<StepView> steps) {

    /**
     * A step with the batch runtime's metrics (READ_COUNT, WRITE_COUNT, FILTER_COUNT, COMMIT_COUNT, …).
     */
    public record StepView(String name, String status, String exitStatus, Instant start, Instant end,
                           Map<String, Long> metrics) {
    }
}
