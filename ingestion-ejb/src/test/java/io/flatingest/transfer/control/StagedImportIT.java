package io.flatingest.transfer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flatingest.infrastructure.clickhouse.ClickHouseGateway;
import io.flatingest.infrastructure.clickhouse.ClickHouseGatewayTestAccess;
import io.flatingest.transfer.boundary.ImportCommand.ColumnDefinition;
import io.flatingest.transfer.boundary.ImportCommand.TableDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staging and publication against the real ClickHouse: stale attempts removed, partitions attached once even when
 * a crash interrupted an earlier publication at its worst moment, new tables published by rename.
 */
class StagedImportIT {

    private static final String DB = "staged_import_it";
    
    private static ClickHouseGateway gateway;

    @BeforeAll
    static void connect() {
        gateway = ClickHouseGatewayTestAccess.connect();
        gateway.execute("DROP DATABASE IF EXISTS " + DB);
        gateway.execute("CREATE DATABASE " + DB);
    }

    @AfterAll
    static void close() {
        gateway.execute("DROP DATABASE IF EXISTS " + DB);
        gateway.close();
    }

    @Test
    void keepsOnlyCommittedAttemptsAndAttachesEveryPartitionOnce() {
        gateway.execute("CREATE TABLE " + DB + ".events (d Date, k UInt32, s String DEFAULT 'dflt')"
                + " ENGINE = MergeTree PARTITION BY toYYYYMM(d) ORDER BY k");
        gateway.execute("INSERT INTO " + DB + ".events VALUES ('2020-01-05', 1, 'old')");
        String instance = StagedImport.newImportId();
        StagedImport staged = new StagedImport(gateway, DB, "events", instance);
        MemoryJournal journal = new MemoryJournal();
        staged.prepare(null, journal);
        staged.prepare(null, journal); // idempotent
        String stage = DB + "." + staged.stageTable();
        // chunk 0 written twice (attempt 1 lost its checkpoint, attempt 2 counts), chunk 100 once
        gateway.execute("INSERT INTO " + stage + " (d, k, _flatingest_chunk, _flatingest_attempt) VALUES"
                + " ('2020-01-01', 10, 0, 1), ('2020-02-01', 11, 0, 1),"
                + " ('2020-01-01', 10, 0, 2), ('2020-02-01', 11, 0, 2), ('2020-03-01', 12, 100, 3)");

        long published = staged.publish(Map.of(0L, 2L, 100L, 3L), 3, false, journal);

        assertEquals(3, published);
        assertEquals("4", gateway.queryValue("SELECT count() FROM " + DB + ".events"));
        assertEquals("10,11,12", gateway.queryValue("SELECT arrayStringConcat(groupArray(toString(k)), ',') FROM"
                + " (SELECT k FROM " + DB + ".events WHERE k >= 10 ORDER BY k)"));
        assertEquals("dflt", gateway.queryValue("SELECT s FROM " + DB + ".events WHERE k = 12"));
        assertFalse(staged.stageExists());
        assertEquals(3, published);
        assertEquals(3, staged.publish(Map.of(), 3, false, journal), "a second publish is a no-op");
        assertEquals("4", gateway.queryValue("SELECT count() FROM " + DB + ".events"));
    }

    @Test
    void refusesToPublishWhenTheStageDisagreesWithTheLedger() {
        gateway.execute("CREATE TABLE " + DB + ".checked (k UInt32) ENGINE = MergeTree ORDER BY k");
        StagedImport staged = new StagedImport(gateway, DB, "checked", StagedImport.newImportId());
        MemoryJournal journal = new MemoryJournal();
        staged.prepare(null, journal);
        gateway.execute("INSERT INTO " + DB + "." + staged.stageTable() + " VALUES (1, 0, 1)");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> staged.publish(Map.of(0L, 1L), 2, false, journal));
        assertTrue(e.getMessage().contains("holds 1 rows but the committed chunks account for 2"), e.getMessage());
        assertEquals("0", gateway.queryValue("SELECT count() FROM " + DB + ".checked"));
    }

    @Test
    void anAttachThatRanBeforeACrashIsNotRepeated() {
        gateway.execute("CREATE TABLE " + DB + ".crash (k UInt32) ENGINE = MergeTree ORDER BY k");
        String instance = StagedImport.newImportId();
        StagedImport staged = new StagedImport(gateway, DB, "crash", instance);
        MemoryJournal journal = new MemoryJournal();
        staged.prepare(null, journal);
        String stage = DB + "." + staged.stageTable();
        gateway.execute("INSERT INTO " + stage + " VALUES (1, 0, 1), (2, 0, 1)");
        gateway.execute("ALTER TABLE " + stage + " DROP COLUMN _flatingest_chunk, DROP COLUMN _flatingest_attempt");
        // The crash: the journal says "sent", ClickHouse ran the ATTACH, the application died before the DROP.
        journal.markSent("partition:all", "crash-" + instance);
        gateway.execute("ALTER TABLE " + DB + ".crash ATTACH PARTITION ID 'all' FROM " + stage,
                Map.of("log_queries", "1"), "crash-" + instance);

        staged.publish(Map.of(0L, 1L), 2, false, journal);

        assertEquals("2", gateway.queryValue("SELECT count() FROM " + DB + ".crash"));
        assertFalse(staged.stageExists());
    }

    @Test
    void anAttachThatNeverRanIsSentAgain() {
        gateway.execute("CREATE TABLE " + DB + ".lost (k UInt32) ENGINE = MergeTree ORDER BY k");
        String instance = StagedImport.newImportId();
        StagedImport staged = new StagedImport(gateway, DB, "lost", instance);
        MemoryJournal journal = new MemoryJournal();
        staged.prepare(null, journal);
        gateway.execute("INSERT INTO " + DB + "." + staged.stageTable() + " VALUES (1, 0, 1), (2, 0, 1)");
        journal.markSent("partition:all", "never-sent-" + instance);
        // ... not executed: the application died between the journal entry and the statement.
        journal.steps.remove("published");

        staged.publish(Map.of(0L, 1L), 2, false, journal);

        assertEquals("2", gateway.queryValue("SELECT count() FROM " + DB + ".lost"));
    }

    @Test
    void newTablesArePublishedByRenameAndOnlyOnce() {
        TableDefinition definition = new TableDefinition(List.of(new ColumnDefinition("id", "UInt64"),
                new ColumnDefinition("name", "LowCardinality(String)"), new ColumnDefinition("v", "Nullable(Float64)")),
                List.of("id"), null);
        String instance = StagedImport.newImportId();
        StagedImport staged = new StagedImport(gateway, DB, "created", instance);
        MemoryJournal journal = new MemoryJournal();
        staged.prepare(definition, journal);
        gateway.execute("INSERT INTO " + DB + "." + staged.stageTable() + " VALUES (1, 'a', NULL, 0, 1)");
        assertEquals(0, gateway.queryRows("EXISTS TABLE " + DB + ".created", Map.of()).get(0)[0].compareTo("0"));

        staged.publish(Map.of(0L, 1L), 1, true, journal);
        journal.steps.remove("published"); // a crash after the rename, before the journal entry
        staged.publish(Map.of(0L, 1L), 1, true, journal);

        assertEquals("1", gateway.queryValue("SELECT count() FROM " + DB + ".created"));
        assertEquals("id,name,v", gateway.queryValue("SELECT arrayStringConcat(groupArray(name), ',') FROM"
                + " system.columns WHERE database = '" + DB + "' AND table = 'created'"));
    }

    @Test
    void tablesThatTakeNoPartitionsGetOneInsert() {
        gateway.execute("CREATE TABLE " + DB + ".logged (k UInt32, s String) ENGINE = Log");
        StagedImport staged = new StagedImport(gateway, DB, "logged", StagedImport.newImportId());
        MemoryJournal journal = new MemoryJournal();
        staged.prepare(null, journal);
        gateway.execute("INSERT INTO " + DB + "." + staged.stageTable() + " VALUES (1, 'x', 5, 1), (2, 'y', 5, 9)");
        staged.publish(Map.of(5L, 1L), 1, false, journal);
        assertEquals("1\tx", String.join("\t", gateway.queryRows("SELECT * FROM " + DB + ".logged", Map.of()).get(0)));
        assertEquals(1, gateway.queryRows("SELECT * FROM " + DB + ".logged", Map.of()).size());
    }

    /** A journal in memory, as the database-backed one behaves within one process. */
    static final class MemoryJournal implements PublishJournal {
        final Map<String, String> steps = new HashMap<>();

        @Override
        public boolean started() {
            return !steps.isEmpty();
        }

        @Override
        public boolean isDone(String step) {
            return "DONE".equals(steps.get(step));
        }

        @Override
        public Optional<String> sentQuery(String step) {
            String s = steps.get(step);
            return s != null && s.startsWith("SENT:") ? Optional.of(s.substring(5)) : Optional.empty();
        }

        @Override
        public void markSent(String step, String queryId) {
            steps.put(step, "SENT:" + queryId);
        }

        @Override
        public void markDone(String step) {
            steps.put(step, "DONE");
        }
    }
}
