package io.flatingest.report.boundary;

import java.time.Instant;

/**
 * Which executions to list; null fields do not filter.
 *
 * @param status STARTED, QUEUED, COMPLETED, FAILED, STOPPED, ABANDONED
 * @param job    {@code file-import}, {@code file-export}, …
 * @param user   who started the transfer
 * @param from   started at or after
 * @param to     started before
 */
public record ExecutionFilter(String status, String job, String user, Instant from, Instant to) {
}
