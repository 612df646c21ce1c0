package io.flatingest.schedule.control;

import java.time.Instant;

/**
 * What one claimed tick started (or why nothing did).
 *
 * @param scheduleId   the schedule
 * @param fireTime     the tick
 * @param seq          0 for the tick's only (or first) run; 1, 2, … for further picked-up files
 * @param file         the picked-up file (relative to the landing directory), or null
 * @param executionId  the started execution, or null when it could not start
 * @param startedAt    when the run was started
 * @param error        why it could not start, or null
 * @param archiveState null (no archiving), PENDING, ARCHIVED, KEPT (the import did not complete) or FAILED
 */
public record RunRecord(long scheduleId, Instant fireTime, int seq, String file, Long executionId, Instant startedAt,
                        String error, String archiveState) {
}
