package io.flatingest.schedule.faces;

import io.flatingest.common.ConflictException;
import io.flatingest.schedule.boundary.ScheduleService;
import io.flatingest.schedule.boundary.ScheduleView;
import io.flatingest.schedule.rest.ScheduleRequest;
import io.flatingest.security.boundary.Roles;
import io.flatingest.security.faces.RequireRole;
import io.flatingest.security.web.CurrentUser;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The schedules page ({@code schedules.xhtml}): every user sees the schedules with their next run and last results;
 * operators and administrators create, edit, pause, resume and delete them ({@link RequireRole} on each action).
 * Builds the same {@link ScheduleRequest} as the REST API and calls the same {@link ScheduleService}.
 */
@Named
@RequestScoped
public class ScheduleAdministration {

    @Inject
    ScheduleService schedules;

    @Inject
    CurrentUser currentUser;

    private List<ScheduleView> list;
    private Long editing;
    private String name;
    private String kind = "IMPORT";
    private String transfer = "{\n  \"database\": \"default\",\n  \"table\": \"events\"\n}";
    private String cron;
    private String interval = "PT15M";
    private String timeZone = "UTC";
    private String filePattern;
    private String archiveDirectory;
    private boolean paused;

    /** Every schedule by name. */
    public List<ScheduleView> getSchedules() {
        if (list == null) {
            list = schedules.list();
        }
        return list;
    }

    /** Whether the user may change schedules. */
    public boolean isEditor() {
        return currentUser.isOperator();
    }

    /** Fills the form with a schedule to edit. */
    @RequireRole(Roles.OPERATOR)
    public String edit(long id) {
        ScheduleView s = schedules.find(id).orElse(null);
        if (s == null) {
            message(FacesMessage.SEVERITY_ERROR, "No schedule " + id);
            return null;
        }
        editing = id;
        name = s.name();
        kind = s.kind();
        transfer = pretty(s.transfer());
        cron = s.cron();
        interval = s.interval();
        timeZone = s.timeZone();
        filePattern = s.filePattern();
        archiveDirectory = s.archiveDirectory();
        paused = s.paused();
        return null;
    }

    /** Empties the form for a new schedule. */
    public String clear() {
        editing = null;
        name = null;
        cron = null;
        filePattern = null;
        archiveDirectory = null;
        paused = false;
        return null;
    }

    /** Creates or saves the schedule in the form. */
    @RequireRole(Roles.OPERATOR)
    public String save() {
        JsonObject body;
        try (var reader = Json.createReader(new StringReader(transfer == null ? "" : transfer))) {
            body = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            message(FacesMessage.SEVERITY_ERROR, "The transfer is not a JSON object: " + e.getMessage());
            return null;
        }
        ScheduleRequest request = new ScheduleRequest(name, kind, body, blank(cron), blank(interval), timeZone,
                blank(filePattern), blank(archiveDirectory), paused);
        Long id = editing;
        if (run(() -> {
            if (id == null) {
                schedules.create(request.toCommand(), currentUser.actor());
            } else {
                schedules.update(id, request.toCommand(), currentUser.actor());
            }
        }, (id == null ? "Created " : "Saved ") + name)) {
            clear();
        }
        return null;
    }

    @RequireRole(Roles.OPERATOR)
    public String pause(long id) {
        run(() -> schedules.pause(id, currentUser.actor()), "Paused");
        return null;
    }

    @RequireRole(Roles.OPERATOR)
    public String resume(long id) {
        run(() -> schedules.resume(id, currentUser.actor()), "Resumed");
        return null;
    }

    @RequireRole(Roles.OPERATOR)
    public String delete(long id) {
        run(() -> schedules.delete(id, currentUser.actor()), "Deleted");
        if (editing != null && editing == id) {
            clear();
        }
        return null;
    }

    private boolean run(Runnable action, String done) {
        try {
            action.run();
            list = null;
            message(FacesMessage.SEVERITY_INFO, done);
            return true;
        } catch (IllegalArgumentException | IllegalStateException | ConflictException | NoSuchElementException e) {
            message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            return false;
        }
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String pretty(JsonObject o) {
        JsonWriterFactory f = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        StringWriter out = new StringWriter();
        try (var w = f.createWriter(out)) {
            w.writeObject(o);
        }
        return out.toString().strip();
    }

    /** The schedule being edited (a hidden field of the form), or null for a new one. */
    public Long getEditing() {
        return editing;
    }

    public void setEditing(Long editing) {
        this.editing = editing;
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

    public String getTransfer() {
        return transfer;
    }

    public void setTransfer(String transfer) {
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

    public boolean isPaused() {
        return paused;
    }

    public void setPaused(boolean paused) {
        this.paused = paused;
    }
}
