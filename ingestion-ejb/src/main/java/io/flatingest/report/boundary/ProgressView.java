package io.flatingest.report.boundary;

/**
 * Live progress of a running transfer, updated at every chunk.
 *
 * @param state          QUEUED (waiting for a transfer slot), RUNNING, or the final status once it ended
 * @param percent        share of the source file done (imports), null when unknown
 * @param etaSeconds     estimated seconds left at the current throughput, null when unknown
 * @param rowsPerSecond  current throughput (last chunks)
 * @param elapsedSeconds since this server began running the execution
 */
public record ProgressView(long executionId, String state, long rowsRead, long rowsWritten, long rowsRejected,
                           long bytesDone, long bytesTotal, Double percent, Long etaSeconds, double rowsPerSecond,
                           double bytesPerSecond, long elapsedSeconds) {
}
