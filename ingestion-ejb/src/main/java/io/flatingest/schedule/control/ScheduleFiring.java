package io.flatingest.schedule.control;

import io.flatingest.schedule.entity.Schedule;
import io.flatingest.security.boundary.AuditAction;
import io.flatingest.security.boundary.AuditTrail;
import io.flatingest.transfer.boundary.ExecutionView;
import io.flatingest.transfer.boundary.ExportCommand;
import io.flatingest.transfer.boundary.ImportCommand;
import io.flatingest.transfer.boundary.TransferService;
import io.flatingest.transfer.control.ServerIdentity;
import io.flatingest.transfer.control.TransferDirectories;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fires due schedules. For each active schedule whose next run has come, the tick is claimed in the ledger and the
 * schedule's next run moved to the first tick after now, in one transaction (only the server whose insert succeeds
 * runs the tick), then the transfer starts through {@link TransferService} like any other. Ticks missed while no server ran are not caught
 * up one by one: the schedule fires once (for the tick it was waiting for) and continues with the first tick after
 * now.
 *
 * <p>A CDI bean, not an EJB, for the reason {@code BatchJobs} gives: the jobs it starts belong to the component
 * that calls it, the web module's clock.
 */
@ApplicationScoped
public class ScheduleFiring {

    private static final Logger LOG = Logger.getLogger(ScheduleFiring.class.getName());
    private static final Set<String> ENDED_UNSUCCESSFULLY = Set.of("FAILED", "STOPPED", "ABANDONED");

    @Inject
    ScheduleStore store;

    @Inject
    ScheduleLedger ledger;

    @Inject
    TransferService transfers;

    @Inject
    TransferDirectories directories;

    @Inject
    ServerIdentity server;

    @Inject
    AuditTrail audit;

    /** How long a landing file must stay unchanged before a schedule picks it up (it may still be written). */
    @Inject
    @ConfigProperty(name = "flatingest.schedules.file-settle", defaultValue = "PT10S")
    Duration settle;

    /** Fires what is due at {@code now}; returns how many ticks this server claimed. */
    public int fireDue(Instant now) {
        int claimed = 0;
        for (Schedule s : store.due(now)) {
            Instant tick = s.getNextRun();
            Instant next;
            try {
                next = ScheduleRules.timing(s).next(now).orElse(null);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Schedule " + s.getName() + " has an invalid timing; it is not fired", e);
                continue;
            }
            if (ledger.claimTick(s.getId(), tick, next, server.id())) {
                claimed++;
                fire(s, tick, now);
            }
        }
        archiveFinished();
        return claimed;
    }

    private void fire(Schedule s, Instant tick, Instant now) {
        String by = "schedule '" + s.getName() + "' (" + s.getCreatedBy() + ")";
        ZoneId zone = ZoneId.of(s.getTimeZone());
        var json = TransferJson.parse(s.getTransfer());
        if (s.getKind() == Schedule.Kind.EXPORT) {
            ExportCommand command = TransferJson.exportCommand(json);
            String name = command.output().fileName();
            run(s, tick, 0, null, false, () -> transfers.startExport(TransferJson.withFileName(command,
                    OutputNames.expand(name, tick, zone)), by));
            return;
        }
        ImportCommand command = TransferJson.importCommand(json);
        if (s.getFilePattern() == null) {
            run(s, tick, 0, command.file(), false, () -> transfers.startImport(command, by));
            return;
        }
        List<LandingFile> files = new LandingFiles(directories.landing()).matching(s.getFilePattern(),
                s.getArchiveDir(), settle, now);
        int seq = 0;
        for (LandingFile f : files) {
            if (ledger.claimFile(s.getId(), f, tick)) {
                run(s, tick, seq++, f.name(), s.getArchiveDir() != null,
                        () -> transfers.startImport(TransferJson.withFile(command, f.name()), by));
            }
        }
        if (seq > 0) {
            LOG.info("Schedule " + s.getName() + " picked up " + seq + " new file(s) at tick " + tick);
        }
    }

    private void run(Schedule s, Instant tick, int seq, String file, boolean archive, LongSupplier start) {
        Long execution = null;
        String error = null;
        try {
            execution = start.getAsLong();
            audit.record("scheduler", AuditAction.JOB_STARTED, "execution " + execution, "schedule '" + s.getName()
                    + "', tick " + tick + (file == null ? "" : ", file " + file), null);
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warning("Schedule " + s.getName() + " could not start its transfer at tick " + tick + ": " + error);
        }
        ledger.recordRun(new RunRecord(s.getId(), tick, seq, file, execution, Instant.now(), error,
                archive && execution != null ? "PENDING" : null));
    }

    /** Moves the files of completed scheduled imports to their archive folder; failed ones stay (KEPT). */
    void archiveFinished() {
        for (RunRecord r : ledger.pendingArchives()) {
            String status = transfers.execution(r.executionId()).map(ExecutionView::status).orElse("UNKNOWN");
            if (ENDED_UNSUCCESSFULLY.contains(status) || status.equals("UNKNOWN")) {
                ledger.archived(r, "KEPT", null);
            } else if (status.equals("COMPLETED") && ledger.claimArchive(r)) {
                String folder = store.find(r.scheduleId()).map(Schedule::getArchiveDir).orElse(null);
                if (folder == null) {
                    ledger.archived(r, "KEPT", null);
                    continue;
                }
                try {
                    String moved = new LandingFiles(directories.landing()).archive(r.file(), folder);
                    ledger.archived(r, "ARCHIVED", null);
                    LOG.info(() -> "Archived " + r.file() + " as " + moved);
                } catch (IOException | RuntimeException e) {
                    ledger.archived(r, "FAILED", "Could not archive " + r.file() + ": " + e);
                }
            }
        }
    }
}
