package io.flatingest.schedule.control;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The claims that make schedules fire once: a tick is claimed by inserting (schedule, fire time) under a primary
 * key, a landing file by inserting (schedule, name, size, modification time). Whoever's insert succeeds owns the
 * tick or file; a duplicate key means someone (another server, or this one before a restart) already did, and is
 * answered with {@code false}. Each claim commits in a transaction of its own, before any work starts.
 *
 * <p>Plain JDBC rather than JPA: a duplicate-key insert must be an expected answer, not an exception that marks a
 * persistence context broken.
 */
@Stateless
public class ScheduleLedger {

    /** A NULL for a BIGINT column (a plain null binds as VARCHAR, which PostgreSQL refuses there). */
    private static final Object NULL_BIGINT = new Object();

    @Resource(lookup = "jdbc/flatingest")
    DataSource dataSource;

    @Resource
    SessionContext context;

    /**
     * Claims a tick and moves the schedule on to {@code next}, in one transaction: either both happen or neither,
     * so a server dying half-way leaves the tick to be claimed again rather than claimed and never run.
     * {@code false} when the tick was claimed already, or the schedule no longer waits for it (paused, edited).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claimTick(long scheduleId, Instant fireTime, Instant next, String serverId) {
        if (!insertOnce("INSERT INTO schedule_tick (schedule_id, fire_time, server_id, claimed_at)"
                + " VALUES (?, ?, ?, ?)", scheduleId, fireTime.toEpochMilli(), cut(serverId, 500),
                Instant.now().toEpochMilli())) {
            return false;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
                "UPDATE schedule SET next_run = ? WHERE id = ? AND next_run = ? AND paused = FALSE")) {
            bind(p, next == null ? NULL_BIGINT : next.toEpochMilli(), scheduleId, fireTime.toEpochMilli());
            if (p.executeUpdate() == 1) {
                return true;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        if (context != null) {
            context.setRollbackOnly();
        }
        return false;
    }

    /** Claims a landing file for a tick; {@code false} when this schedule claimed the same file before. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claimFile(long scheduleId, LandingFile file, Instant fireTime) {
        return insertOnce("INSERT INTO schedule_file (schedule_id, file_name, file_size, modified, fire_time)"
                + " VALUES (?, ?, ?, ?, ?)", scheduleId, file.name(), file.size(), file.modified().toEpochMilli(),
                fireTime.toEpochMilli());
    }

    /** Records what a tick started. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRun(RunRecord run) {
        update("INSERT INTO schedule_run (schedule_id, fire_time, seq, file_name, execution_id, started_at, error,"
                + " archive_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", run.scheduleId(), run.fireTime().toEpochMilli(),
                run.seq(), run.file(), run.executionId() == null ? NULL_BIGINT : run.executionId(),
                Timestamp.from(run.startedAt()), cut(run.error(), 2000), run.archiveState());
        if (run.seq() == 0 && run.executionId() != null) {
            update("UPDATE schedule_tick SET execution_id = ? WHERE schedule_id = ? AND fire_time = ?",
                    run.executionId(), run.scheduleId(), run.fireTime().toEpochMilli());
        }
    }

    /** Sets the archive state of a run. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void archived(RunRecord run, String state, String error) {
        update("UPDATE schedule_run SET archive_state = ?, error = COALESCE(?, error) WHERE schedule_id = ?"
                + " AND fire_time = ? AND seq = ?", state, cut(error, 2000), run.scheduleId(),
                run.fireTime().toEpochMilli(), run.seq());
    }

    /** Takes a pending archive for this server (PENDING → MOVING); {@code false} when another server took it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claimArchive(RunRecord run) {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
                "UPDATE schedule_run SET archive_state = 'MOVING' WHERE schedule_id = ? AND fire_time = ? AND seq = ?"
                        + " AND archive_state = 'PENDING'")) {
            bind(p, run.scheduleId(), run.fireTime().toEpochMilli(), run.seq());
            return p.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The latest runs of a schedule, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<RunRecord> runs(long scheduleId, int limit) {
        return query("SELECT * FROM schedule_run WHERE schedule_id = ? ORDER BY fire_time DESC, seq DESC", limit,
                scheduleId);
    }

    /** Runs whose file waits to be archived once its import completes. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<RunRecord> pendingArchives() {
        return query("SELECT * FROM schedule_run WHERE archive_state = 'PENDING' ORDER BY fire_time, seq", 1000);
    }

    /** How many files a schedule has claimed. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long claimedFiles(long scheduleId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM schedule_file WHERE schedule_id = ?")) {
            p.setLong(1, scheduleId);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Forgets a deleted schedule's ticks, files and runs. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void forget(long scheduleId) {
        for (String table : List.of("schedule_tick", "schedule_file", "schedule_run")) {
            update("DELETE FROM " + table + " WHERE schedule_id = ?", scheduleId);
        }
    }

    private boolean insertOnce(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, values);
            p.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                // PostgreSQL aborts the transaction after an error: end it without committing.
                if (context != null) {
                    context.setRollbackOnly();
                }
                return false;
            }
            throw failure(e);
        }
    }

    private void update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, values);
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private List<RunRecord> query(String sql, int limit, Object... values) {
        List<RunRecord> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, values);
            p.setMaxRows(limit);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Object execution = rs.getObject("execution_id");
                    result.add(new RunRecord(rs.getLong("schedule_id"), Instant.ofEpochMilli(rs.getLong("fire_time")),
                            rs.getInt("seq"), rs.getString("file_name"),
                            execution == null ? null : ((Number) execution).longValue(),
                            rs.getTimestamp("started_at").toInstant(), rs.getString("error"),
                            rs.getString("archive_state")));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return result;
    }

    private static void bind(PreparedStatement p, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                p.setNull(i + 1, java.sql.Types.VARCHAR);
            } else if (v == NULL_BIGINT) {
                p.setNull(i + 1, java.sql.Types.BIGINT);
            } else {
                p.setObject(i + 1, v);
            }
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("Schedule ledger: " + e.getMessage(), e);
    }
}
