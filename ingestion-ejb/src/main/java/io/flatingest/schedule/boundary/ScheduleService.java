package io.flatingest.schedule.boundary;

import io.flatingest.common.ConflictException;
import io.flatingest.schedule.control.LandingFiles;
import io.flatingest.schedule.control.OutputNames;
import io.flatingest.schedule.control.RunRecord;
import io.flatingest.schedule.control.ScheduleFiring;
import io.flatingest.schedule.control.ScheduleLedger;
import io.flatingest.schedule.control.ScheduleRules;
import io.flatingest.schedule.control.ScheduleStore;
import io.flatingest.schedule.control.Timing;
import io.flatingest.schedule.control.TransferJson;
import io.flatingest.schedule.entity.Schedule;
import io.flatingest.security.boundary.Actor;
import io.flatingest.security.boundary.AuditAction;
import io.flatingest.security.boundary.AuditTrail;
import io.flatingest.transfer.boundary.ExecutionView;
import io.flatingest.transfer.boundary.TransferService;
import io.flatingest.transfer.control.TransferDirectories;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one boundary for schedules: the REST API and the console create, change, pause, resume and delete them here,
 * and the web module's clock calls {@link #fireDue} on every tick. Changes are audited.
 */
@ApplicationScoped
public class ScheduleService {

    /** Runs shown with each schedule in lists. */
    public static final int LAST_RUNS = 5;

    @Inject
    ScheduleStore store;

    @Inject
    ScheduleLedger ledger;

    @Inject
    ScheduleFiring firing;

    @Inject
    TransferService transfers;

    @Inject
    TransferDirectories directories;

    @Inject
    AuditTrail audit;

    /** The shortest interval a schedule may have. */
    @Inject
    @ConfigProperty(name = "flatingest.schedules.min-interval", defaultValue = "PT1M")
    Duration minInterval;

    Clock clock = Clock.systemUTC();

    /** Every schedule by name, each with its last runs. */
    public List<ScheduleView> list() {
        return store.list().stream().map(s -> view(s, LAST_RUNS)).toList();
    }

    /** One schedule with its last runs, or empty. */
    public Optional<ScheduleView> find(long id) {
        return store.find(id).map(s -> view(s, LAST_RUNS));
    }

    /**
     * The latest runs of a schedule, newest first.
     *
     * @throws NoSuchElementException for an unknown schedule
     */
    public List<ScheduleRunView> runs(long id, int limit) {
        require(id);
        return ledger.runs(id, Math.max(1, Math.min(limit, 1000))).stream().map(this::run).toList();
    }

    /**
     * Creates a schedule.
     *
     * @throws IllegalArgumentException naming what is wrong
     * @throws ConflictException        when the name is taken
     */
    public ScheduleView create(ScheduleCommand command, Actor actor) {
        Checked c = check(command);
        if (store.findByName(command.name()).isPresent()) {
            throw new ConflictException("A schedule named '" + command.name() + "' exists already");
        }
        Instant now = clock.instant();
        Schedule s = new Schedule(command.name(), actor.name(), now);
        define(s, c, now);
        Schedule created = store.create(s);
        audit.record(actor, AuditAction.SCHEDULE_CREATED, "schedule " + created.getName(), describe(created));
        return view(created, LAST_RUNS);
    }

    /**
     * Replaces a schedule's definition (its runs and claimed files stay); the next run is computed afresh.
     *
     * @throws NoSuchElementException for an unknown schedule
     * @throws ConflictException      when the new name is taken by another schedule
     */
    public ScheduleView update(long id, ScheduleCommand command, Actor actor) {
        Checked c = check(command);
        store.findByName(command.name()).filter(other -> other.getId() != id).ifPresent(other -> {
            throw new ConflictException("A schedule named '" + command.name() + "' exists already");
        });
        Instant now = clock.instant();
        Schedule s = store.change(id, x -> {
            x.rename(command.name());
            define(x, c, now);
        });
        audit.record(actor, AuditAction.SCHEDULE_UPDATED, "schedule " + s.getName(), describe(s));
        return view(s, LAST_RUNS);
    }

    /** Pauses a schedule: it fires no more until resumed. */
    public ScheduleView pause(long id, Actor actor) {
        Schedule s = store.change(id, x -> x.pause(clock.instant()));
        audit.record(actor, AuditAction.SCHEDULE_PAUSED, "schedule " + s.getName(), null);
        return view(s, LAST_RUNS);
    }

    /** Resumes a paused schedule from its next tick after now (ticks missed while paused do not fire). */
    public ScheduleView resume(long id, Actor actor) {
        Instant now = clock.instant();
        Schedule s = store.change(id, x -> x.activate(ScheduleRules.timing(x).next(now).orElse(null), now));
        audit.record(actor, AuditAction.SCHEDULE_RESUMED, "schedule " + s.getName(), "next run " + s.getNextRun());
        return view(s, LAST_RUNS);
    }

    /** Deletes a schedule with its run history; executions it started stay. */
    public void delete(long id, Actor actor) {
        Schedule s = require(id);
        store.delete(id);
        audit.record(actor, AuditAction.SCHEDULE_DELETED, "schedule " + s.getName(), null);
    }

    /** Fires the schedules due now (called by the clock); returns how many ticks this server claimed. */
    public int fireDue() {
        return firing.fireDue(clock.instant());
    }

    private record Checked(Schedule.Kind kind, String transfer, Timing timing, String cron, Long intervalSeconds,
                           String filePattern, String archive, boolean paused) {
    }

    private Checked check(ScheduleCommand c) {
        if (c == null) {
            throw new IllegalArgumentException("A schedule is required");
        }
        if (c.name() == null || c.name().isEmpty() || c.name().length() > 100) {
            throw new IllegalArgumentException("name must have 1 to 100 characters");
        }
        if ((c.importCommand() == null) == (c.exportCommand() == null)) {
            throw new IllegalArgumentException("Give either an import or an export to schedule, not both or neither");
        }
        Timing timing = Timing.of(c.cron(), c.interval(), c.timeZone(), minInterval);
        String pattern = null;
        String archive = null;
        String transfer;
        Schedule.Kind kind;
        if (c.exportCommand() != null) {
            if (c.filePattern() != null || c.archiveDirectory() != null) {
                throw new IllegalArgumentException("filePattern and archiveDirectory apply to import schedules only");
            }
            OutputNames.expand(c.exportCommand().output().fileName(), clock.instant(), timing.zone());
            kind = Schedule.Kind.EXPORT;
            transfer = TransferJson.of(c.exportCommand()).toString();
        } else {
            if (c.filePattern() != null) {
                pattern = LandingFiles.checkPattern(c.filePattern());
                if (c.archiveDirectory() != null) {
                    archive = new LandingFiles(directories.landing()).checkArchive(c.archiveDirectory());
                }
            } else if (c.archiveDirectory() != null) {
                throw new IllegalArgumentException("archiveDirectory needs a filePattern (files picked up by the"
                        + " schedule are archived, a fixed file is not)");
            } else if (c.importCommand().file() == null || c.importCommand().file().isBlank()) {
                throw new IllegalArgumentException("An import schedule needs a file or a filePattern");
            }
            kind = Schedule.Kind.IMPORT;
            transfer = TransferJson.of(c.importCommand()).toString();
        }
        return new Checked(kind, transfer, timing, timing.cron() == null ? null : timing.cron().toString(),
                timing.interval() == null ? null : timing.interval().toSeconds(), pattern, archive, c.paused());
    }

    private static void define(Schedule s, Checked c, Instant now) {
        s.define(c.kind(), c.transfer(), c.cron(), c.intervalSeconds(), c.timing().zone().getId(), c.filePattern(),
                c.archive(), now);
        if (c.paused()) {
            s.pause(now);
        } else {
            s.activate(c.timing().next(now).orElse(null), now);
        }
    }

    private Schedule require(long id) {
        return store.find(id).orElseThrow(() -> new NoSuchElementException("No schedule " + id));
    }

    private static String describe(Schedule s) {
        return s.getKind() + (s.getCron() != null ? " cron '" + s.getCron() + "'"
                : " every " + Duration.ofSeconds(s.getIntervalSeconds())) + " " + s.getTimeZone()
                + (s.getFilePattern() == null ? "" : ", files " + s.getFilePattern())
                + (s.isPaused() ? ", paused" : ", next run " + s.getNextRun());
    }

    private ScheduleView view(Schedule s, int runs) {
        JsonObject transfer = TransferJson.parse(s.getTransfer());
        return new ScheduleView(s.getId(), s.getName(), s.getKind().name(), transfer, s.getCron(),
                s.getIntervalSeconds() == null ? null : Duration.ofSeconds(s.getIntervalSeconds()).toString(),
                s.getTimeZone(), s.getFilePattern(), s.getArchiveDir(), s.isPaused(), s.getNextRun(),
                s.getCreatedBy(), s.getCreatedAt(), s.getUpdatedAt(),
                ledger.runs(s.getId(), runs).stream().map(this::run).toList());
    }

    private ScheduleRunView run(RunRecord r) {
        String status = r.executionId() == null ? "NOT_STARTED"
                : transfers.execution(r.executionId()).map(ExecutionView::status).orElse("UNKNOWN");
        return new ScheduleRunView(r.fireTime(), r.file(), r.executionId(), status, r.error(), r.archiveState());
    }
}
