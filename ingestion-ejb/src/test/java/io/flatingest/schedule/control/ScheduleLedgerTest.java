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
    }

    @Test
    void aTickIsClaimedOnceEvenWhenTwoServersAskAtTheSameTime() throws Exception {
        Instant tick = Instant.parse("2025-06-01T02:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String server = "server-" + (i % 2);
                claims.add(() -> ledger.claimTick(7, tick, server));
            }
            long won = 0;
            for (Future<Boolean> f : pool.invokeAll(claims)) {
                won += f.get() ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdown();
        }
        assertFalse(ledger.claimTick(7, tick, "server-0"), "a restarted server does not fire the tick again");
        assertTrue(ledger.claimTick(7, tick.plusSeconds(60), "server-1"), "the next tick is a new claim");
        assertTrue(ledger.claimTick(8, tick, "server-1"), "another schedule's tick is its own");
    }

    @Test
    void aTickAbandonedBetweenClaimAndRunIsTakenOverOnceWhenOldEnough() {
        Instant tick = Instant.parse("2025-06-01T02:00:00Z");
        assertTrue(ledger.claimTick(9, tick, "dead"));
        assertFalse(ledger.reclaimAbandonedTick(9, tick, "alive", Instant.now().minusSeconds(60)),
                "a fresh claim belongs to a server that may be firing it right now");
        assertTrue(ledger.reclaimAbandonedTick(9, tick, "alive", Instant.now().plusSeconds(1)));
        assertFalse(ledger.reclaimAbandonedTick(9, tick, "other", Instant.now().minusSeconds(60)),
                "taken over once");
        ledger.recordRun(new RunRecord(9, tick, 0, null, 5L, tick, null, null));
        assertFalse(ledger.reclaimAbandonedTick(9, tick, "other", Instant.now().plusSeconds(5)),
                "a tick that started its run is never taken over");
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
        ledger.claimTick(3, t1, "s");
        ledger.claimTick(3, t2, "s");
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
