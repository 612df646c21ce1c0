package io.flatingest.report.boundary;

import java.time.Instant;

/** One execution in a list of executions. */
public record ExecutionSummary(long executionId, long transfer, String job, String status, String exitStatus,
                               String submittedBy, Instant started, Instant ended, String source, String target) {
}
