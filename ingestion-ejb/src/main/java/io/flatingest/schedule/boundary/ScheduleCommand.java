package io.flatingest.schedule.boundary;

import io.flatingest.transfer.boundary.ExportCommand;
import io.flatingest.transfer.boundary.ImportCommand;

/**
 * A schedule as the REST API, the console and the service agree on it: the saved transfer and when it runs.
 *
 * @param name             unique name (1–100 characters)
 * @param importCommand    the import to run; null for an export schedule
 * @param exportCommand    the export to run; null for an import schedule. Its file name may carry placeholders
 *                         ({@code {date}}, {@code {datetime}}, … see OutputNames), filled in the schedule's zone
 * @param cron             five-field cron expression, or null when {@code interval} is given
 * @param interval         ISO-8601 duration ({@code PT15M}, {@code PT2H}), or null when {@code cron} is given
 * @param timeZone         zone of the cron expression and of the date placeholders; null for UTC
 * @param filePattern      imports only: glob pattern (relative to the landing directory) of files to pick up, each
 *                         new file once; null to import {@code importCommand.file()} at every run
 * @param archiveDirectory imports with a pattern only: folder (relative to the landing directory) a file moves to
 *                         after its import completed; null to leave files where they are
 * @param paused           created or kept paused
 */
public record ScheduleCommand(String name, ImportCommand importCommand, ExportCommand exportCommand, String cron,
                              String interval, String timeZone, String filePattern, String archiveDirectory,
                              boolean paused) {

    public ScheduleCommand {
        name = name == null ? null : name.strip();
        filePattern = filePattern == null || filePattern.isBlank() ? null : filePattern.strip();
        archiveDirectory = archiveDirectory == null || archiveDirectory.isBlank() ? null : archiveDirectory.strip();
    }
}
