package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 of the application server in the middle of an export with a non-unique key, gzip or plain, then a restart
 * of the server with automatic recovery on: the execution restarts by itself, the final file holds every row exactly
 * once, in key order, and no reader of the export directory ever saw a half-written file under the final name. The
 * plain file is also read back while the restarted execution writes it (the gzip file after it).
 */
class ExportCrashRecoveryIT {

    private static final int ROWS = 400_000;

    @ParameterizedTest(name = "gzip: {0}")
    @ValueSource(booleans = {true, false})
    void killedMidExportAndRestartedWritesEveryRowExactlyOnce(boolean gzip) throws IOException {
        String fileName = gzip ? "src.csv.gz" : "src.csv";
        Path data = TestEnvironment.itDirectory().resolve("export-crash-" + (gzip ? "gzip" : "plain"));
        MicroServer micro = new MicroServer(data, TestEnvironment.freePort(), Map.of()).clean();
        String db = "export_crash_" + System.nanoTime();
        ClickHouseQueries.run("CREATE DATABASE " + db);
        // The sorting key (bucket) is far from unique: resuming must skip exactly the rows of the last key written.
        ClickHouseQueries.run("CREATE TABLE " + db + ".src (bucket UInt16, id UInt64, note String)"
                + " ENGINE = MergeTree ORDER BY bucket");
        ClickHouseQueries.run("INSERT INTO " + db + ".src SELECT number % 97, number, concat('n,', toString(number))"
                + " FROM system.numbers LIMIT " + ROWS);
        try (micro) {
            micro.start();
            ApiClient api = ApiClient.asAdmin(micro.baseUrl()); // the token outlives the kill: same key
            ImportApi jobs = new ImportApi(micro, api);
            HttpResponse<String> started = api.postJson("/api/jobs/exports", "{\"database\":\"" + db + "\","
                    + "\"table\":\"src\",\"chunkSize\":3000,\"output\":{\"gzip\":" + gzip + ",\"fileName\":\"" + fileName
                    + "\"}}");
            assertEquals(202, started.statusCode(), started.body());
            long id = ApiClient.json(started).asJsonObject().getJsonNumber("executionId").longValue();

            Path partial = data.resolve("exports/." + fileName + ".part");
            awaitSize(partial, gzip ? 1 << 20 : 4 << 20);
            micro.kill();
            assertTrue(Files.notExists(data.resolve("exports/" + fileName)), "no final file before the export ends");

            micro.withEnvironment(Map.of("FLATINGEST_RECOVERY_AUTO_RESTART", "true")).start();
            JsonObject interrupted = api.getObject("/api/jobs/" + id);
            assertEquals("FAILED", interrupted.getString("status"), interrupted.toString());
            assertEquals("server stopped while the job was running", interrupted.getString("exitStatus"));
            JsonObject report = api.await("/api/jobs/" + id + "/report",
                    r -> r.getJsonArray("executions").size() == 2, Duration.ofSeconds(30));
            long again = report.getJsonArray("executions").getJsonObject(1).getJsonNumber("executionId").longValue();
            assertEquals("server stopped while the job was running",
                    report.getJsonArray("executions").getJsonObject(0).getString("failure"));
            JsonObject done = jobs.awaitEnd(again);
            assertEquals("COMPLETED", done.getString("status"), done.toString());

            boolean[] seen = new boolean[ROWS];
            int rows = 0;
            int lastBucket = -1;
            InputStream file = Files.newInputStream(data.resolve("exports/" + fileName));
            try (BufferedReader in = new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(file) : file,
                    StandardCharsets.UTF_8))) {
                assertEquals("bucket,id,note", in.readLine());
                String line;
                while ((line = in.readLine()) != null) {
                    String[] f = line.split(",", 2);
                    int bucket = Integer.parseInt(f[0]);
                    int rowId = Integer.parseInt(f[1].substring(0, f[1].indexOf(',')));
                    assertTrue(bucket >= lastBucket, "rows in key order");
                    lastBucket = bucket;
                    assertTrue(!seen[rowId], "row " + rowId + " written twice");
                    seen[rowId] = true;
                    assertEquals(bucket + "," + rowId + ",\"n," + rowId + "\"", line);
                    rows++;
                }
            }
            assertEquals(ROWS, rows, "every row once");
            assertTrue(Files.notExists(partial), "the temporary file is gone");
            Matcher verified = Pattern.compile(Pattern.quote(fileName) + " holds (\\d+) rows, as written \\((\\d+) bytes"
                    + " read back while exporting\\)").matcher(Files.readString(micro.log()));
            assertTrue(verified.find(), "the verify step's line in " + micro.log());
            assertEquals(ROWS, Long.parseLong(verified.group(1)));
            long readBack = Long.parseLong(verified.group(2));
            long size = Files.size(data.resolve("exports/" + fileName));
            if (gzip) {
                assertEquals(0, readBack, "a gzip file is read back after it is written");
            } else {
                assertTrue(readBack > size / 2 && readBack < size, readBack + " of " + size
                        + " bytes read back while the restarted execution wrote them, the last chunk after");
            }
        } finally {
            ClickHouseQueries.run("DROP DATABASE IF EXISTS " + db);
        }
    }

    private static void awaitSize(Path file, long bytes) throws IOException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.size(file) >= bytes) {
                return;
            }
            ApiClient.sleep(20);
        }
        throw new AssertionError(file + " did not reach " + bytes + " bytes within 3 minutes");
    }
}
