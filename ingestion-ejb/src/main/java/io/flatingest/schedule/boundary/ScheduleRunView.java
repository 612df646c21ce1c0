package io.flatingest.schedule.boundary;

import java.time.Instant;

/**
 * One run of a schedule.
 *
 * @param fireTime    the tick that started it
 * @param file        the picked-up landing file, or null
 * @param executionId the execution (see {@code /api/jobs/{id}} and its report), or null when it could not start
 * @param status      the execution's batch status (STARTED, COMPLETED, FAILED, …), or NOT_STARTED
 * @param error       why it could not start (or why its file could not be archived), or null
 * @param archive     null, PENDING, ARCHIVED, KEPT (import not completed) or FAILED
 */
public record ScheduleRunView(Instant fireTime, String file, Long executionId, String status, String error,
                              String archive) {
}
