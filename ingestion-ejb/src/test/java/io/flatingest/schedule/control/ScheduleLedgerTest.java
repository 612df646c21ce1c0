package io.flatingest.schedule.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Claims on the real H2 with the real schema scripts: a tick or a file is claimed once, whoever asks. */
class ScheduleLedgerTest {

    private ScheduleLedger ledger;

    @BeforeEach
    void schema() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:ledger" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String script : List.of("V1__transfers.sql", "V2__security.sql", "V3__schedules.sql")) {
                try (InputStream in = getClass().getResourceAsStream("/META-INF/sql/" + script)) {
                    for (String sql : io.flatingest.infrastructure.persistence.SchemaMigrationsAccess.statements(
                            new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                        s.execute(sql);
                    }
                }
            }
        }
        ledger = new ScheduleLedger();
        ledger.dataSource = ds;
        this.ds = ds;
    }

    private JdbcDataSource ds;

    /** A schedule row waiting for {@code next}. */
    private void schedule(long id, Instant next, boolean paused) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO schedule (id, name, kind, transfer, interval_seconds, time_zone, paused, next_run,"
                    + " created_by, created_at, updated_at) VALUES (" + id + ", 's" + id + "', 'EXPORT', '{}', 60,"
                    + " 'UTC', " + paused + ", " + next.toEpochMilli() + ", 't', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
    }

    private long nextRun(long id) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT next_run FROM schedule WHERE id = " + id)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aTickIsClaimedOnceEvenWhenTwoServersAskAtTheSameTime() throws Exception {
        Instant tick = Instant.parse("2025-06-01T02:00:00Z");
        Instant next = tick.plusSeconds(60);
        schedule(7, tick, false);
        schedule(8, tick, false);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String server = "server-" + (i % 2);
                claims.add(() -> ledger.claimTick(7, tick, next, server));
            }
            long won = 0;
            for (Future<Boolean> f : pool.invokeAll(claims)) {
                won += f.get() ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdown();
        }
        assertEquals(next.toEpochMilli(), nextRun(7), "the winner moved the schedule on with its claim");
        assertFalse(ledger.claimTick(7, tick, next, "server-0"), "a restarted server does not fire the tick again");
        assertTrue(ledger.claimTick(7, next, next.plusSeconds(60), "server-1"), "the next tick is a new claim");
        assertTrue(ledger.claimTick(8, tick, next, "server-1"), "another schedule's tick is its own");
        schedule(9, tick, true);
        assertFalse(ledger.claimTick(9, tick, next, "server-1"), "a paused schedule's tick is not fired");
    }

    @Test
    void aFileIsClaimedOncePerNameSizeAndModificationTime() {
        Instant modified = Instant.parse("2025-06-01T01:59:00Z");
        LandingFile file = new LandingFile("in/a.csv", 120, modified);
        Instant tick = Instant.parse("2025-06-01T02:00:00Z");
        assertTrue(ledger.claimFile(1, file, tick));
        assertFalse(ledger.claimFile(1, file, tick.plusSeconds(60)), "seen at a later tick: not again");
        assertTrue(ledger.claimFile(1, new LandingFile("in/a.csv", 130, modified), tick),
                "the same name with new content is a new file");
        assertTrue(ledger.claimFile(1, new LandingFile("in/a.csv", 120, modified.plusSeconds(1)), tick));
        assertTrue(ledger.claimFile(2, file, tick), "another schedule claims for itself");
        assertEquals(3, ledger.claimedFiles(1));
    }

    @Test
    void runsAreListedNewestFirstAndArchivesAreTakenOnce() {
        Instant t1 = Instant.parse("2025-06-01T02:00:00Z");
        Instant t2 = t1.plusSeconds(60);
        ledger.recordRun(new RunRecord(3, t1, 0, "a.csv", 11L, t1, null, "PENDING"));
        ledger.recordRun(new RunRecord(3, t2, 0, "b.csv", null, t2, "No such file", null));
        ledger.recordRun(new RunRecord(3, t2, 1, "c.csv", 12L, t2, null, "PENDING"));
        List<RunRecord> runs = ledger.runs(3, 10);
        assertEquals(List.of("c.csv", "b.csv", "a.csv"), runs.stream().map(RunRecord::file).toList());
        assertEquals(null, runs.get(1).executionId());
        assertEquals("No such file", runs.get(1).error());
        assertEquals(2, ledger.runs(3, 2).size());

        RunRecord pending = ledger.pendingArchives().get(0);
        assertTrue(ledger.claimArchive(pending));
        assertFalse(ledger.claimArchive(pending), "a second server does not move the file again");
        ledger.archived(pending, "ARCHIVED", null);
        assertEquals(List.of("c.csv"), ledger.pendingArchives().stream().map(RunRecord::file).toList());
    }
}
