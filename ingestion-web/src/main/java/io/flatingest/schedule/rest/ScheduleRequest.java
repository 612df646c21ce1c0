package io.flatingest.schedule.rest;

import io.flatingest.schedule.boundary.ScheduleCommand;
import io.flatingest.transfer.boundary.ExportCommand;
import io.flatingest.transfer.boundary.ImportCommand;
import io.flatingest.transfer.rest.ExportRequest;
import io.flatingest.transfer.rest.ImportRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/schedules} and {@code PUT /api/schedules/{id}} (and what the console's form builds).
 *
 * @param name             unique name
 * @param kind             IMPORT or EXPORT
 * @param transfer         the saved transfer: the body of {@code POST /api/jobs/imports} or {@code /exports}. For an
 *                         import with a {@code filePattern}, its {@code file} may be left out
 * @param cron             five-field cron expression (minute hour day-of-month month day-of-week) — or —
 * @param interval         an ISO-8601 duration: {@code PT15M}, {@code PT2H}
 * @param timeZone         zone of the cron expression and of {@code {date}}-style placeholders; UTC when absent
 * @param filePattern      imports: glob pattern of landing files to pick up, each new file once
 * @param archiveDirectory imports with a pattern: folder (in the landing directory) completed files move to
 * @param paused           create paused
 */
public record ScheduleRequest(@NotBlank @Size(max = 100) String name,
                              @NotNull @Pattern(regexp = "IMPORT|EXPORT", message = "must be IMPORT or EXPORT")
                              String kind,
                              @NotNull JsonObject transfer,
                              @Size(max = 200) String cron,
                              @Size(max = 40) String interval,
                              @Size(max = 64) String timeZone,
                              @Size(max = 500) String filePattern,
                              @Size(max = 500) String archiveDirectory,
                              Boolean paused) {

    /** The command this request asks for; the transfer is read like the body of an import or export request. */
    public ScheduleCommand toCommand() {
        ImportCommand importCommand = null;
        ExportCommand exportCommand = null;
        try (Jsonb jsonb = JsonbBuilder.create()) {
            if ("IMPORT".equals(kind)) {
                JsonObject body = transfer;
                if (filePattern != null && !filePattern.isBlank() && !body.containsKey("file")) {
                    // The file of a pattern schedule is the pattern until a tick picks a real one.
                    body = Json.createObjectBuilder(body).add("file", filePattern).build();
                }
                importCommand = jsonb.fromJson(body.toString(), ImportRequest.class).toCommand();
            } else if ("EXPORT".equals(kind)) {
                exportCommand = jsonb.fromJson(transfer.toString(), ExportRequest.class).toCommand();
            } else {
                throw new IllegalArgumentException("kind must be IMPORT or EXPORT");
            }
        } catch (JsonbException e) {
            throw new IllegalArgumentException("transfer is not a valid " + kind.toLowerCase() + " request: "
                    + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new ScheduleCommand(name, importCommand, exportCommand, cron, interval, timeZone, filePattern,
                archiveDirectory, paused != null && paused);
    }
}
