package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The application on Payara Micro with a real PostgreSQL as job repository and application database: the schema
 * scripts run there, imports and exports complete, and after a kill -9 the history (executions, step metrics,
 * reports) is still there, the interrupted import is marked FAILED and restarts to completion.
 */
class PostgresJobRepositoryIT {

    private static final int BIG = 300_000;

    @Test
    void jobsRunOnPostgresAndTheirHistorySurvivesAKilledServer() throws IOException, SQLException {
        PostgresDatabase database = PostgresServer.shared().createDatabase("micro_it");
        Path data = TestEnvironment.itDirectory().resolve("postgres-micro");
        String db = "postgres_it_" + System.nanoTime();
        ClickHouseQueries.run("CREATE DATABASE " + db);
        ClickHouseQueries.run("CREATE TABLE " + db + ".people (id UInt32, name String) ENGINE = MergeTree ORDER BY id");
        ClickHouseQueries.run("CREATE TABLE " + db + ".big (id UInt64, name String) ENGINE = MergeTree ORDER BY id");
        MicroServer micro = new MicroServer(data, TestEnvironment.freePort(), Map.of()).onPostgres(database).clean();
        try (micro) {
            long firstStart = micro.start();
            ApiClient api = ApiClient.asAdmin(micro.baseUrl());
            ImportApi jobs = new ImportApi(micro, api);

            jobs.land("people.csv", "id,name\n1,Ann\n2,\"Bob, Jr.\"\n3,Zoë\n".getBytes(StandardCharsets.UTF_8));
            JsonObject imported = jobs.run("{\"file\":\"people.csv\",\"database\":\"" + db + "\",\"table\":\"people\"}");
            assertEquals("COMPLETED", imported.getString("status"), imported.toString());
            assertEquals("1\tAnn\n2\tBob, Jr.\n3\tZoë", ClickHouseQueries.run("SELECT * FROM " + db
                    + ".people ORDER BY id FORMAT TSV"));

            HttpResponse<String> r = api.postJson("/api/jobs/exports", "{\"database\":\"" + db
                    + "\",\"table\":\"people\",\"output\":{\"fileName\":\"people-out.csv\"}}");
            assertEquals(202, r.statusCode(), r.body());
            JsonObject exported = jobs.awaitEnd(ApiClient.json(r).asJsonObject().getJsonNumber("executionId")
                    .longValue());
            assertEquals("COMPLETED", exported.getString("status"), exported.toString());
            assertEquals("id,name\n1,Ann\n2,\"Bob, Jr.\"\n3,Zoë\n",
                    Files.readString(data.resolve("exports/people-out.csv"), StandardCharsets.UTF_8));

            assertEverythingIsInPostgres(database, data);

            bigFile(data.resolve("landing/big.csv"));
            long big = jobs.start("{\"file\":\"big.csv\",\"database\":\"" + db + "\",\"table\":\"big\","
                    + "\"chunkSize\":2000}");
            awaitStaged(db);
            micro.kill();

            long restart = micro.start();
            System.out.printf("Payara Micro on PostgreSQL, start to ready: first %d ms, after kill -9 %d ms%n",
                    firstStart, restart);
            api = ApiClient.asAdmin(micro.baseUrl());
            jobs = new ImportApi(micro, api);
            JsonObject importAfter = api.getObject("/api/jobs/" + imported.getJsonNumber("executionId").longValue());
            assertEquals("COMPLETED", importAfter.getString("status"));
            assertEquals(imported.getString("start"), importAfter.getString("start"));
            assertEquals(3, ImportApi.metric(importAfter, "load", "WRITE_COUNT"), importAfter.toString());
            JsonObject exportAfter = api.getObject("/api/jobs/" + exported.getJsonNumber("executionId").longValue());
            assertEquals("COMPLETED", exportAfter.getString("status"));
            assertEquals(3, ImportApi.metric(exportAfter, "export", "WRITE_COUNT"));
            assertTrue(api.getObject("/api/jobs?size=50").toString().contains("people-out.csv"),
                    "the job list (reports in PostgreSQL) still shows the export");

            JsonObject interrupted = api.getObject("/api/jobs/" + big);
            assertEquals("FAILED", interrupted.getString("status"), interrupted.toString());
            assertEquals("server stopped while the job was running", interrupted.getString("exitStatus"));
            HttpResponse<String> restarted = api.postJson("/api/jobs/" + big + "/restart", "");
            assertEquals(202, restarted.statusCode(), restarted.body());
            JsonObject done = jobs.awaitEnd(ApiClient.json(restarted).asJsonObject().getJsonNumber("executionId")
                    .longValue());
            assertEquals("COMPLETED", done.getString("status"), done.toString());
            assertEquals(BIG + "\t" + BIG, ClickHouseQueries.run("SELECT count(), uniqExact(id) FROM " + db + ".big"));
        } finally {
            ClickHouseQueries.run("DROP DATABASE IF EXISTS " + db);
        }
    }

    /** The application's tables, the batch runtime's tables and the executions are in PostgreSQL; H2 is unused. */
    private static void assertEverythingIsInPostgres(PostgresDatabase database, Path data) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = database.connect()) {
            try (ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase());
                }
            }
            assertTrue(tables.containsAll(List.of("flatingest_schema", "import_chunk", "publish_step",
                    "running_execution", "transfer_totals", "transfer_report", "execution_report", "step_report",
                    "chunk_timing", "jbatchexecutioninstancedata", "jbatchstepexecutioninstancedata",
                    "jbatchjobinstancedata", "jbatchcheckpointdata")),
                    tables.toString());
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT COUNT(*) FROM jbatchexecutioninstancedata WHERE batchstatus = 'COMPLETED'")) {
                rs.next();
                assertEquals(2, rs.getInt(1), "the import and the export, recorded by the batch runtime");
            }
        }
        assertFalse(Files.exists(data.resolve("db/flatingest.mv.db")), "no H2 database on a PostgreSQL setup");
    }

    private static void bigFile(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,name\n");
            for (int i = 1; i <= BIG; i++) {
                w.write(i + ",name" + i + "\n");
            }
        }
    }

    private static void awaitStaged(String db) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            String stage = ClickHouseQueries.run("SELECT name FROM system.tables WHERE database = '" + db
                    + "' AND name LIKE '\\\\_flatingest\\\\_stage\\\\_%' AND name NOT LIKE '%building'");
            if (!stage.isEmpty() && Long.parseLong(ClickHouseQueries.run("SELECT count() FROM " + db + "." + stage))
                    >= BIG / 10) {
                assertEquals("0", ClickHouseQueries.run("SELECT count() FROM " + db + ".big"),
                        "the import finished before the kill: make the file bigger");
                return;
            }
            ApiClient.sleep(50);
        }
        throw new AssertionError("the import staged fewer than " + BIG / 10 + " rows within 3 minutes");
    }
}
