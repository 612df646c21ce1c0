package io.flatingest.transfer.boundary;

import io.flatingest.transfer.control.BatchJobs;
import io.flatingest.transfer.control.BatchRepository;
import io.flatingest.transfer.control.ExecutionRegistry;
import io.flatingest.transfer.control.ExportPlanner;
import io.flatingest.transfer.control.ImportFiles;
import io.flatingest.transfer.control.ImportPlanner;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The one boundary through which transfers are started, watched and controlled. REST resources, Faces beans and
 * the scheduler build an immutable command and call this service; none of them touches the batch runtime.
 */
@ApplicationScoped
public class TransferService {

    @Inject
    BatchJobs jobs;

    @Inject
    ImportPlanner importPlanner;

    @Inject
    ImportFiles importFiles;

    @Inject
    ExportPlanner exportPlanner;

    @Inject
    io.flatingest.transfer.control.TransferDirectories directories;

    @Inject
    ExecutionRegistry registry;

    @Inject
    BatchRepository repository;

    /**
     * Validates an import and starts it; returns the execution id.
     *
     * @param submittedBy who starts it (for the report)
     * @throws IllegalArgumentException naming what is wrong with the command, before anything runs
     */
    public long startImport(ImportCommand command, String submittedBy) {
        return started(jobs.start("file-import", importPlanner.plan(command, submittedBy)));
    }

    /**
     * Validates an export and starts it; returns the execution id.
     *
     * @param submittedBy who starts it (for the report)
     * @throws IllegalArgumentException naming what is wrong with the command, before anything runs
     */
    public long startExport(ExportCommand command, String submittedBy) {
        return started(jobs.start("file-export", exportPlanner.plan(command, submittedBy)));
    }

    /**
     * The file an export execution produced (once it completed).
     *
     * @throws java.util.NoSuchElementException for an unknown execution or an export without a finished file
     */
    public java.nio.file.Path exportedFile(long executionId) {
        if (jobs.execution(executionId).isEmpty()) {
            throw new java.util.NoSuchElementException("No job execution " + executionId);
        }
        String name = jobs.parameters(executionId).getProperty("fileName");
        if (name == null) {
            throw new IllegalArgumentException("Execution " + executionId + " is not an export");
        }
        java.nio.file.Path file = directories.export().resolve(name);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new java.util.NoSuchElementException("Export " + executionId + " has no finished file (yet)");
        }
        return file;
    }

    /**
     * Restarts a failed or stopped execution from its last checkpoint.
     *
     * @return the new execution's id
     */
    public long restart(long executionId) {
        return started(jobs.restart(executionId));
    }

    /**
     * Marks executions that a dead server left STARTED as FAILED ("server stopped while the job was running"),
     * so that they can be restarted from their checkpoints, and optionally restarts them. Executions of servers
     * that are alive (heartbeat younger than {@code staleAfter}) are left alone.
     *
     * @return the executions marked FAILED
     */
    public List<Long> recoverInterrupted(java.time.Duration staleAfter, boolean restart) {
        List<Long> recovered = new java.util.ArrayList<>();
        java.util.Map<Long, io.flatingest.transfer.entity.RunningExecution> owners = new java.util.HashMap<>();
        registry.all().forEach(r -> owners.put(r.getExecutionId(), r));
        java.time.Instant staleBefore = java.time.Instant.now().minus(staleAfter);
        try {
            for (long id : repository.unfinishedExecutions()) {
                var owner = owners.get(id);
                // No owner: the execution never reached its first listener (its server died at once), unless it
                // was created a moment ago and is about to.
                boolean dead = owner == null ? createdBefore(id, java.time.Instant.now().minusSeconds(60))
                        : owner.getServerId().equals(registry.serverId()) || owner.getHeartbeat().isBefore(staleBefore);
                if (dead) {
                    repository.markInterrupted(id);
                    registry.ended(id);
                    recovered.add(id);
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not read the batch job repository: " + e.getMessage(), e);
        }
        if (restart) {
            recovered.forEach(this::restart);
        }
        return recovered;
    }

    private boolean createdBefore(long executionId, java.time.Instant instant) {
        return jobs.execution(executionId).map(e -> e.getCreateTime() == null
                || e.getCreateTime().toInstant().isBefore(instant)).orElse(true);
    }

    /** Where a new execution's id passes through (one place to hang start-time bookkeeping). */
    private static long started(long executionId) {
        return executionId;
    }

    /** Starts the self-check job; returns its execution id. */
    public long startSelfCheck(SelfCheckCommand command) {
        Properties p = new Properties();
        p.setProperty("rows", Long.toString(command.rows()));
        p.setProperty("database", command.database());
        p.setProperty("table", command.table());
        p.setProperty("chunkSize", Integer.toString(command.chunkSize()));
        return started(jobs.start("self-check", p));
    }

    /**
     * The rejected rows of an import execution (of its whole instance: restarts included), as CSV with a header.
     *
     * @throws java.util.NoSuchElementException for an unknown execution
     */
    public Download rejects(long executionId) {
        if (jobs.execution(executionId).isEmpty()) {
            throw new java.util.NoSuchElementException("No job execution " + executionId);
        }
        String importId = jobs.parameters(executionId).getProperty("importId");
        if (importId == null) {
            throw new IllegalArgumentException("Execution " + executionId + " is not an import");
        }
        List<java.nio.file.Path> parts = importFiles.rejectFiles(importId);
        return out -> {
            out.write((String.join(",", io.flatingest.transfer.control.RejectFile.HEADER) + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (java.nio.file.Path part : parts) {
                java.nio.file.Files.copy(part, out);
            }
        };
    }

    /** A file to download, written straight to the response. */
    @FunctionalInterface
    public interface Download {
        void writeTo(java.io.OutputStream out) throws java.io.IOException;
    }

    /** One execution with its steps, or empty when unknown. */
    public Optional<ExecutionView> execution(long executionId) {
        return jobs.execution(executionId).map(this::view);
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
