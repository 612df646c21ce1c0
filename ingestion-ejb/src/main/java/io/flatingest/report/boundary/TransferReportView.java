package io.flatingest.report.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything kept about one transfer: the first run and every restart.
 *
 * @param transfer       the job instance id
 * @param job            {@code file-import}, {@code file-export}, …
 * @param submittedBy    who started it
 * @param parameters     the job parameters, secrets replaced by {@code ***}
 * @param totalBytes     size of the source file, or null
 * @param totals         rows and bytes of all executions together
 * @param reconciliation rows written against rows that arrived; null until the transfer got that far
 * @param executions     oldest first
 * @param chunks         per-chunk timings of all executions, in order (throughput over time)
 * @param progress       live progress while an execution runs on this server, else null
 */
public record TransferReportView(long transfer, String job, String submittedBy, Instant submitted, String source,
                                 String target, Map<String, String> parameters, Long totalBytes, Totals totals,
                                 Reconciliation reconciliation, List<Execution> executions, List<Chunk> chunks,
                                 ProgressView progress) {

    /** Rows and bytes of all executions together. */
    public record Totals(long rowsRead, long rowsWritten, long rowsRejected, long bytesRead, long bytesWritten) {
    }

    /**
     * What arrived against what was written.
     *
     * @param matches false is a loud warning: the counts differ
     */
    public record Reconciliation(long expected, long actual, boolean matches, String note) {
    }

    /** One execution with its steps. */
    public record Execution(long executionId, String status, String exitStatus, Instant started, Instant ended,
                            Long durationMillis, String failure, List<Step> steps) {
    }

    /** One step with its metrics. */
    public record Step(String name, String status, String exitStatus, Instant started, Instant ended,
                       Long durationMillis, long read, long written, long filtered, long skipped, long commits,
                       long rollbacks, Double rowsPerSecond, String failure) {
    }

    /** One chunk. */
    public record Chunk(long executionId, int seq, Instant ended, long millis, long rows, long bytes) {
    }
}
