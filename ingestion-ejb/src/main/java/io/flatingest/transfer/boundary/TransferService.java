package io.flatingest.transfer.boundary;

import io.flatingest.catalog.boundary.CatalogService;
import io.flatingest.report.control.ReportStore;
import io.flatingest.transfer.control.BatchJobs;
import io.flatingest.transfer.control.BatchRepository;
import io.flatingest.transfer.control.ExecutionRegistry;
import io.flatingest.transfer.control.ExportPlanner;
import io.flatingest.transfer.control.ImportFiles;
import io.flatingest.transfer.control.ImportPlanner;
import io.flatingest.transfer.control.ImportParameters;
import io.flatingest.transfer.control.StagedImport;
import io.flatingest.transfer.control.TransferDirectories;
import io.flatingest.transfer.control.TransferPlan;
import io.flatingest.transfer.entity.RunningExecution;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionIsRunningException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The one boundary through which transfers are started, watched and controlled. REST resources, Faces beans and
 * the scheduler build an immutable command and call this service; none of them touches the batch runtime.
 */
@ApplicationScoped
public class TransferService {

    private static final Logger LOG = Logger.getLogger(TransferService.class.getName());

    @Inject
    BatchJobs jobs;

    @Inject
    ImportPlanner importPlanner;

    @Inject
    ExportPlanner exportPlanner;

    @Inject
    ImportFiles importFiles;

    @Inject
    TransferDirectories directories;

    @Inject
    ExecutionRegistry registry;

    @Inject
    BatchRepository repository;

    @Inject
    ReportStore reports;

    @Inject
    CatalogService catalog;

    /** Instances being restarted right now: the same execution is never restarted twice at once. */
    private final Map<Long, Boolean> restarting = new ConcurrentHashMap<>();

    /**
     * Validates an import and starts it; returns the execution id.
     *
     * @param submittedBy who starts it (for the report)
     * @throws IllegalArgumentException naming what is wrong with the command, before anything runs
     */
    public long startImport(ImportCommand command, String submittedBy) {
        return start("file-import", importPlanner.plan(command, submittedBy), submittedBy);
    }

    /**
     * Validates an export and starts it; returns the execution id.
     *
     * @param submittedBy who starts it (for the report)
     * @throws IllegalArgumentException naming what is wrong with the command, before anything runs
     */
    public long startExport(ExportCommand command, String submittedBy) {
        return start("file-export", exportPlanner.plan(command, submittedBy), submittedBy);
    }

    /** Starts the self-check job; returns its execution id. */
    public long startSelfCheck(SelfCheckCommand command) {
        Properties p = new Properties();
        p.setProperty("rows", Long.toString(command.rows()));
        p.setProperty("database", command.database());
        p.setProperty("table", command.table());
        p.setProperty("chunkSize", Integer.toString(command.chunkSize()));
        return start("self-check", new TransferPlan(p, "generated numbers", "ClickHouse table " + command.database()
                + "." + command.table(), null), null);
    }

    private long start(String job, TransferPlan plan, String submittedBy) {
        long id = jobs.start(job, plan.parameters());
        reports.submitted(jobs.instanceId(id), job, submittedBy, plan.source(), plan.target(),
                redacted(plan.parameters()), plan.totalBytes());
        return id;
    }

    /** Job parameters as JSON for the report, values of secret-looking names replaced. */
    static String redacted(Properties parameters) {
        var json = jakarta.json.Json.createObjectBuilder();
        new TreeMap<>(parameters).forEach((k, v) -> json.add((String) k,
                ((String) k).matches("(?i).*(password|secret|token|credential).*") ? "***" : (String) v));
        return json.build().toString();
    }

    /**
     * Restarts a failed or stopped execution from its last checkpoint.
     *
     * @return the new execution's id
     * @throws IllegalStateException when the execution cannot be restarted (completed, running, not the latest,
     *                               or being restarted by someone else right now)
     */
    public long restart(long executionId) {
        long instance = jobs.instanceId(executionId);
        if (restarting.putIfAbsent(instance, Boolean.TRUE) != null) {
            throw new IllegalStateException("Execution " + executionId + " is being restarted already");
        }
        try {
            if (registry.all().stream().anyMatch(r -> r.getInstanceId() == instance)) {
                throw new IllegalStateException("Transfer of execution " + executionId + " is running: stop it first");
            }
            return jobs.restart(executionId);
        } catch (JobExecutionAlreadyCompleteException e) {
            throw new IllegalStateException("Execution " + executionId + " completed: nothing to restart", e);
        } catch (JobExecutionNotMostRecentException e) {
            throw new IllegalStateException("Execution " + executionId + " is not the latest of its transfer: restart"
                    + " the latest one", e);
        } catch (JobRestartException e) {
            throw new IllegalStateException("Execution " + executionId + " cannot be restarted: " + e.getMessage(), e);
        } finally {
            restarting.remove(instance);
        }
    }

    /** Asks a running (or queued) execution to stop after its current chunk; it can be restarted later. */
    public void stop(long executionId) {
        requireExecution(executionId);
        try {
            jobs.stop(executionId);
        } catch (JobExecutionNotRunningException e) {
            throw new IllegalStateException("Execution " + executionId + " is not running", e);
        }
    }

    /**
     * Gives up a stopped or failed execution for good: it cannot be restarted afterwards. An import's staged rows
     * are dropped (nothing was published); its reject file stays downloadable.
     */
    public void abandon(long executionId) {
        JobExecution e = requireExecution(executionId);
        try {
            jobs.abandon(executionId);
        } catch (JobExecutionIsRunningException ex) {
            throw new IllegalStateException("Execution " + executionId + " is running: stop it first", ex);
        }
        reports.executionEnded(executionId, "ABANDONED", "ABANDONED", null);
        if (e.getJobName().equals("file-import")) {
            Properties p = jobs.parameters(executionId);
            try {
                new StagedImport(catalog.gateway(p.getProperty(ImportParameters.CONNECTION)),
                        p.getProperty(ImportParameters.DATABASE), p.getProperty(ImportParameters.TABLE),
                        p.getProperty(ImportParameters.IMPORT_ID)).discard();
            } catch (RuntimeException cleanupFailure) {
                LOG.warning(() -> "Abandoned import " + executionId + ": its staging table could not be dropped: "
                        + cleanupFailure.getMessage());
            }
        }
    }

    /**
     * The rejected rows of an import execution (of its whole transfer: restarts included), as CSV with a header.
     *
     * @throws NoSuchElementException for an unknown execution
     */
    public Download rejects(long executionId) {
        requireExecution(executionId);
        String importId = jobs.parameters(executionId).getProperty(ImportParameters.IMPORT_ID);
        if (importId == null) {
            throw new IllegalArgumentException("Execution " + executionId + " is not an import");
        }
        List<Path> parts = importFiles.rejectFiles(importId);
        return out -> {
            out.write((String.join(",", io.flatingest.transfer.control.RejectFile.HEADER) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (Path part : parts) {
                Files.copy(part, out);
            }
        };
    }

    /** A file to download, written straight to the response. */
    @FunctionalInterface
    public interface Download {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * The file an export execution produced (once it completed).
     *
     * @throws NoSuchElementException for an unknown execution or an export without a finished file
     */
    public Path exportedFile(long executionId) {
        requireExecution(executionId);
        String name = jobs.parameters(executionId).getProperty("fileName");
        if (name == null) {
            throw new IllegalArgumentException("Execution " + executionId + " is not an export");
        }
        Path file = directories.export().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchElementException("Export " + executionId + " has no finished file (yet)");
        }
        return file;
    }

    /**
     * Marks executions that a dead server left STARTED as FAILED ("server stopped while the job was running"),
     * so that they can be restarted from their checkpoints, and optionally restarts them. Executions of servers
     * that are alive (heartbeat younger than {@code staleAfter}) are left alone.
     *
     * @return the executions marked FAILED
     */
    public List<Long> recoverInterrupted(Duration staleAfter, boolean restart) {
        List<Long> recovered = new ArrayList<>();
        Map<Long, RunningExecution> owners = new HashMap<>();
        registry.all().forEach(r -> owners.put(r.getExecutionId(), r));
        Instant staleBefore = Instant.now().minus(staleAfter);
        try {
            for (long id : repository.unfinishedExecutions()) {
                RunningExecution owner = owners.get(id);
                // No owner: the execution never reached its first listener (its server died at once), unless it
                // was created a moment ago and is about to.
                boolean dead = owner == null ? createdBefore(id, Instant.now().minusSeconds(60))
                        : owner.getServerId().equals(registry.serverId()) || owner.getHeartbeat().isBefore(staleBefore);
                if (dead) {
                    repository.markInterrupted(id);
                    registry.ended(id);
                    jobs.execution(id).ifPresent(e -> reports.executionStarted(id, jobs.instanceId(id), e.getJobName()));
                    reports.executionEnded(id, "FAILED", BatchRepository.INTERRUPTED, BatchRepository.INTERRUPTED);
                    recovered.add(id);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the batch job repository: " + e.getMessage(), e);
        }
        if (restart) {
            recovered.forEach(this::restart);
        }
        return recovered;
    }

    private boolean createdBefore(long executionId, Instant instant) {
        return jobs.execution(executionId).map(e -> e.getCreateTime() == null
                || e.getCreateTime().toInstant().isBefore(instant)).orElse(true);
    }

    /** One execution with its steps, or empty when unknown. */
    public Optional<ExecutionView> execution(long executionId) {
        return jobs.execution(executionId).map(this::view);
    }

    /** The executions of the same transfer (the first run and its restarts), newest first. */
    public List<ExecutionView> transferExecutions(long executionId) {
        requireExecution(executionId);
        return jobs.instanceExecutions(executionId).stream().map(this::view).toList();
    }

    /** Whether an execution is running (or queued) now. */
    public boolean running(long executionId) {
        return jobs.execution(executionId).map(e -> e.getBatchStatus() == BatchStatus.STARTED
                || e.getBatchStatus() == BatchStatus.STARTING || e.getBatchStatus() == BatchStatus.STOPPING)
                .orElse(false);
    }

    /** The job instance (transfer) an execution belongs to. */
    public long transferOf(long executionId) {
        requireExecution(executionId);
        return jobs.instanceId(executionId);
    }

    private JobExecution requireExecution(long executionId) {
        return jobs.execution(executionId).orElseThrow(() -> new NoSuchElementException("No job execution "
                + executionId));
    }

    private ExecutionView view(JobExecution e) {
        List<ExecutionView.StepView> steps = jobs.steps(e.getExecutionId()).stream().map(TransferService::step).toList();
        return new ExecutionView(e.getExecutionId(), e.getJobName(), e.getBatchStatus().name(), e.getExitStatus(),
                instant(e.getStartTime()), instant(e.getEndTime()), steps);
    }

    private static ExecutionView.StepView step(StepExecution s) {
        Map<String, Long> metrics = new LinkedHashMap<>();
        for (Metric m : s.getMetrics()) {
            metrics.put(m.getType().name(), m.getValue());
        }
        return new ExecutionView.StepView(s.getStepName(), s.getBatchStatus().name(), s.getExitStatus(),
                instant(s.getStartTime()), instant(s.getEndTime()), metrics);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
