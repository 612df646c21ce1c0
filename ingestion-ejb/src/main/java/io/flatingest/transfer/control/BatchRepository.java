package io.flatingest.transfer.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Direct access to the Jakarta Batch runtime's tables, for the one thing its API cannot do: an execution whose JVM
 * died stays STARTED forever ({@code abandon} and {@code stop} refuse it), so recovery marks it, and its unfinished
 * steps, FAILED. Table names are looked up (Payara prefixes them with {@code JBATCH} on H2; case differs by
 * database).
 */
@ApplicationScoped
public class BatchRepository {

    /** The exit status recorded for executions a dead server left running. */
    public static final String INTERRUPTED = "server stopped while the job was running";

    @Resource(lookup = "jdbc/flatingest")
    DataSource dataSource;

    /** Executions the repository says are STARTING, STARTED or STOPPING. */
    public List<Long> unfinishedExecutions() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String table = table(c, "EXECUTIONINSTANCEDATA");
            if (table == null) {
                return List.of();
            }
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT jobexecid FROM " + table
                    + " WHERE batchstatus IN ('STARTING', 'STARTED', 'STOPPING')"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    /** Marks an execution and its unfinished steps FAILED with {@link #INTERRUPTED} as exit status. */
    public void markInterrupted(long executionId) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            String executions = table(c, "EXECUTIONINSTANCEDATA");
            String steps = table(c, "STEPEXECUTIONINSTANCEDATA");
            try (PreparedStatement p = c.prepareStatement("UPDATE " + executions + " SET batchstatus = 'FAILED',"
                    + " exitstatus = ?, endtime = ?, updatetime = ? WHERE jobexecid = ?"
                    + " AND batchstatus IN ('STARTING', 'STARTED', 'STOPPING')")) {
                p.setString(1, INTERRUPTED);
                p.setTimestamp(2, now);
                p.setTimestamp(3, now);
                p.setLong(4, executionId);
                p.executeUpdate();
            }
            if (steps != null) {
                try (PreparedStatement p = c.prepareStatement("UPDATE " + steps + " SET batchstatus = 'FAILED',"
                        + " exitstatus = ?, endtime = ? WHERE jobexecid = ?"
                        + " AND batchstatus IN ('STARTING', 'STARTED', 'STOPPING')")) {
                    p.setString(1, INTERRUPTED);
                    p.setTimestamp(2, now);
                    p.setLong(3, executionId);
                    p.executeUpdate();
                }
            }
        }
    }

    /** The actual name of the table whose name ends with the suffix (but not a longer known suffix). */
    private static String table(Connection c, String suffix) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String upper = name.toUpperCase(Locale.ROOT);
                if (upper.endsWith(suffix) && !(suffix.equals("EXECUTIONINSTANCEDATA")
                        && upper.endsWith("STEPEXECUTIONINSTANCEDATA"))) {
                    String schema = rs.getString("TABLE_SCHEM");
                    return schema == null || schema.isEmpty() ? name : schema + "." + name;
                }
            }
        }
        return null;
    }
}
