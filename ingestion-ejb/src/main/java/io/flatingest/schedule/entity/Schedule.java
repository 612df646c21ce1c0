package io.flatingest.schedule.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;

/**
 * A saved transfer and when it runs. The transfer is the command's JSON (see
 * {@code io.flatingest.schedule.control.TransferJson}); {@code nextRun} is the next tick to claim, in epoch
 * milliseconds, null while paused.
 */
@Entity
@Cacheable(false)
@Table(name = "schedule")
public class Schedule {

    /** What a schedule runs. */
    public enum Kind { IMPORT, EXPORT }

    @Id
    @TableGenerator(name = "schedule_id", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "schedule", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "schedule_id")
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 10)
    private String kind;

    @Column(nullable = false)
    private String transfer;

    @Column(length = 200)
    private String cron;

    @Column(name = "interval_seconds")
    private Long intervalSeconds;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "file_pattern", length = 500)
    private String filePattern;

    @Column(name = "archive_dir", length = 500)
    private String archiveDir;

    @Column(nullable = false)
    private boolean paused;

    @Column(name = "next_run")
    private Long nextRun;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Schedule() {
    }

    public Schedule(String name, String createdBy, Instant now) {
        this.name = name;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Replaces what and when it runs. */
    public void define(Kind kind, String transfer, String cron, Long intervalSeconds, String timeZone,
                       String filePattern, String archiveDir, Instant now) {
        this.kind = kind.name();
        this.transfer = transfer;
        this.cron = cron;
        this.intervalSeconds = intervalSeconds;
        this.timeZone = timeZone;
        this.filePattern = filePattern;
        this.archiveDir = archiveDir;
        this.updatedAt = now;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public void pause(Instant now) {
        paused = true;
        nextRun = null;
        updatedAt = now;
    }

    /** Active again (or still), next tick at {@code next} (null: never). */
    public void activate(Instant next, Instant now) {
        paused = false;
        nextRun = next == null ? null : next.toEpochMilli();
        updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Kind getKind() {
        return Kind.valueOf(kind);
    }

    public String getTransfer() {
        return transfer;
    }

    public String getCron() {
        return cron;
    }

    public Long getIntervalSeconds() {
        return intervalSeconds;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public String getFilePattern() {
        return filePattern;
    }

    public String getArchiveDir() {
        return archiveDir;
    }

    public boolean isPaused() {
        return paused;
    }

    public Instant getNextRun() {
        return nextRun == null ? null : Instant.ofEpochMilli(nextRun);
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
