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
 * Every property is optional for JSON-B; Bean Validation ({@code @Valid} on the resource methods) checks them.
 *
 * <p>A class with annotated fields rather than a record: on a record, the constraints also land on the canonical
 * constructor's parameters, where Payara's OpenAPI generator fails on them (NullPointerException in
 * {@code ApplicationProcessor.addSchemaParameter}) and {@code /openapi} breaks for the whole application.
 */
public class ScheduleRequest {

    /** Unique name. */
    @NotBlank
    @Size(max = 100)
    private String name;

    /** IMPORT or EXPORT. */
    @NotNull
    @Pattern(regexp = "IMPORT|EXPORT", message = "must be IMPORT or EXPORT")
    private String kind;

    /**
     * The saved transfer: the body of {@code POST /api/jobs/imports} or {@code /exports}. For an import with a
     * {@code filePattern}, its {@code file} may be left out.
     */
    @NotNull
    private JsonObject transfer;

    /** Five-field cron expression (minute hour day-of-month month day-of-week), or absent for an interval. */
    @Size(max = 200)
    private String cron;

    /** An ISO-8601 duration ({@code PT15M}, {@code PT2H}), or absent for a cron expression. */
    @Size(max = 40)
    private String interval;

    /** Zone of the cron expression and of {@code {date}}-style placeholders; UTC when absent. */
    @Size(max = 64)
    private String timeZone;

    /** Imports: glob pattern of landing files to pick up, each new file once. */
    @Size(max = 500)
    private String filePattern;

    /** Imports with a pattern: folder (in the landing directory) completed files move to. */
    @Size(max = 500)
    private String archiveDirectory;

    /** Create (or keep) paused. */
    private Boolean paused;

    public ScheduleRequest() {
    }

    public ScheduleRequest(String name, String kind, JsonObject transfer, String cron, String interval,
                           String timeZone, String filePattern, String archiveDirectory, Boolean paused) {
        this.name = name;
        this.kind = kind;
        this.transfer = transfer;
        this.cron = cron;
        this.interval = interval;
        this.timeZone = timeZone;
        this.filePattern = filePattern;
        this.archiveDirectory = archiveDirectory;
        this.paused = paused;
    }

    /** The command this request asks for; the transfer is read like the body of an import or export request. */
    public ScheduleCommand toCommand() {
        if (transfer == null) {
            throw new IllegalArgumentException("transfer is required (the body of an import or export request)");
        }
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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public JsonObject getTransfer() {
        return transfer;
    }

    public void setTransfer(JsonObject transfer) {
        this.transfer = transfer;
    }

    public String getCron() {
        return cron;
    }

    public void setCron(String cron) {
        this.cron = cron;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getFilePattern() {
        return filePattern;
    }

    public void setFilePattern(String filePattern) {
        this.filePattern = filePattern;
    }

    public String getArchiveDirectory() {
        return archiveDirectory;
    }

    public void setArchiveDirectory(String archiveDirectory) {
        this.archiveDirectory = archiveDirectory;
    }

    public Boolean getPaused() {
        return paused;
    }

    public void setPaused(Boolean paused) {
        this.paused = paused;
    }
}
