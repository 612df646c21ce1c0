package io.flatingest.schedule.boundary;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * A schedule as callers see it.
 *
 * @param kind     IMPORT or EXPORT
 * @param transfer the saved command, in the shape of the import or export request body
 * @param nextRun  the next tick, or null while paused (or for a cron expression that never fires)
 * @param lastRuns the latest runs, newest first
 */
public record ScheduleView(long id, String name, String kind, JsonObject transfer, String cron, String interval,
                           String timeZone, String filePattern, String archiveDirectory, boolean paused,
                           Instant nextRun, String createdBy, Instant createdAt, Instant updatedAt,
                           List<ScheduleRunView> lastRuns) {
}
