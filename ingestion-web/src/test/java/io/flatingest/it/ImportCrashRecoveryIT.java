package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the application server in the middle of an import, then a restart of the server and of the execution:
 * the target ends up with exactly the file's rows, none twice, none missing.
 */
class ImportCrashRecoveryIT {

    private static final int ROWS = 300_000;

    @Test
    void killedMidImportAndRestartedLeavesEveryRowExactlyOnce() throws IOException {
        Path data = TestEnvironment.itDirectory().resolve("import-crash");
        MicroServer micro = new MicroServer(data, TestEnvironment.freePort(), Map.of()).clean();
        String db = "crash_it_" + System.nanoTime();
        ClickHouseQueries.run("CREATE DATABASE " + db);
        ClickHouseQueries.run("CREATE TABLE " + db + ".target (id UInt64, name String, amount Decimal(18, 2))"
                + " ENGINE = MergeTree ORDER BY id");
        Files.createDirectories(data.resolve("landing"));
        try (Writer w = Files.newBufferedWriter(data.resolve("landing/big.csv"), StandardCharsets.UTF_8)) {
            w.write("id,name,amount\n");
            for (int i = 1; i <= ROWS; i++) {
                w.write(i + "," + (i % 5 == 0 ? "\"name, with comma\"" : "name" + i) + "," + (i % 1000) + "." + (i % 100)
                        + "\n");
            }
        }
        try (micro) {
            micro.start();
            ApiClient api = ApiClient.asAdmin(micro.baseUrl()); // the token outlives the kill: same key
            ImportApi imports = new ImportApi(micro, api);
            long id = imports.start("{\"file\":\"big.csv\",\"database\":\"" + db + "\",\"table\":\"target\","
                    + "\"chunkSize\":2000}");

            long staged = awaitStaged(db, ROWS / 10);
            micro.kill();
            System.out.printf("Killed the server with %d rows staged of %d%n", staged, ROWS);

            micro.start();
            JsonObject interrupted = api.getObject("/api/jobs/" + id);
            assertEquals("FAILED", interrupted.getString("status"), interrupted.toString());
            assertEquals("server stopped while the job was running", interrupted.getString("exitStatus"));
            assertEquals("0", ClickHouseQueries.run("SELECT count() FROM " + db + ".target"),
                    "nothing is published before the import completes");

            HttpResponse<String> restarted = api.postJson("/api/jobs/" + id + "/restart", "");
            assertEquals(202, restarted.statusCode(), restarted.body());
            long again = ApiClient.json(restarted).asJsonObject().getJsonNumber("executionId").longValue();
            JsonObject done = imports.awaitEnd(again);
            assertEquals("COMPLETED", done.getString("status"), done.toString());

            assertEquals(ROWS + "\t" + ROWS + "\t" + ((long) ROWS * (ROWS + 1) / 2),
                    ClickHouseQueries.run("SELECT count(), uniqExact(id), sum(id) FROM " + db + ".target"));
            assertEquals("60000", ClickHouseQueries.run("SELECT count() FROM " + db + ".target WHERE name = 'name, with comma'"));
            assertEquals("0", ClickHouseQueries.run("SELECT count() FROM system.tables WHERE database = '" + db
                    + "' AND name LIKE '\\\\_flatingest%'"), "the staging table is gone");
        } finally {
            ClickHouseQueries.run("DROP DATABASE IF EXISTS " + db);
        }
    }

    private static long awaitStaged(String db, long atLeast) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            String stage = ClickHouseQueries.run("SELECT name FROM system.tables WHERE database = '" + db
                    + "' AND name LIKE '\\\\_flatingest\\\\_stage\\\\_%' AND name NOT LIKE '%building'");
            if (!stage.isEmpty()) {
                long rows = Long.parseLong(ClickHouseQueries.run("SELECT count() FROM " + db + "." + stage));
                if (rows >= atLeast) {
                    assertTrue(rows < ROWS, "the import finished before the kill: make the file bigger");
                    return rows;
                }
            }
            ApiClient.sleep(50);
        }
        throw new AssertionError("the import staged fewer than " + atLeast + " rows within 3 minutes");
    }
}
