package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The job boundary seen through the REST API: kept reports after success, failure and restart, reconciliation that
 * catches a mismatch, live progress, stop/restart/abandon, the transfer limit queueing jobs, and listing.
 */
@ExtendWith(SharedMicro.class)
class TransferReportsIT {

    private static final String DB = "reports_it";

    private final ApiClient api;
    private final ImportApi imports;

    TransferReportsIT(MicroServer server) {
        this.api = ApiClient.asAdmin(server.baseUrl());
        this.imports = new ImportApi(server, api);
    }

    @BeforeAll
    static void database() {
        ClickHouseQueries.run("CREATE DATABASE IF NOT EXISTS " + DB);
    }

    private static String table(String columns, String engine) {
        String t = "t_" + System.nanoTime();
        ClickHouseQueries.run("CREATE TABLE " + DB + "." + t + " (" + columns + ") ENGINE = " + engine);
        return t;
    }

    private String bigFile(int rows) {
        StringBuilder csv = new StringBuilder("id,text\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(i).append(",row number ").append(i).append('\n');
        }
        return imports.land("big-" + System.nanoTime() + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private JsonObject report(long id) {
        return api.getObject("/api/jobs/" + id + "/report");
    }

    private static long id(JsonObject o) {
        return o.getJsonNumber("executionId").longValue();
    }

    @Test
    void aSuccessfulImportKeepsEverythingAboutItself() {
        String t = table("id UInt32, v String", "MergeTree ORDER BY id");
        String file = imports.land("ok-" + System.nanoTime() + ".csv",
                "id,v\n1,a\n2,b\nx,c\n4,d\n".getBytes(StandardCharsets.UTF_8));
        JsonObject done = imports.run("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + t
                + "\",\"errors\":{\"maxRejectedRows\":5},\"chunkSize\":2}");
        JsonObject r = report(id(done));
        assertEquals("file-import", r.getString("job"));
        assertTrue(r.getString("source").contains(file), r.toString());
        assertTrue(r.getString("target").contains(DB + "." + t), r.toString());
        assertEquals(file, r.getJsonObject("parameters").getString("file"));
        JsonObject totals = r.getJsonObject("totals");
        assertEquals(4, totals.getInt("rowsRead"));
        assertEquals(3, totals.getInt("rowsWritten"));
        assertEquals(1, totals.getInt("rowsRejected"));
        JsonObject rec = r.getJsonObject("reconciliation");
        assertEquals(3, rec.getInt("expected"));
        assertEquals(3, rec.getInt("actual"));
        assertTrue(rec.getBoolean("matches"));
        JsonObject execution = r.getJsonArray("executions").getJsonObject(0);
        assertEquals("COMPLETED", execution.getString("status"));
        assertEquals("COMPLETED WITH REJECTS", execution.getString("exitStatus"));
        List<String> steps = new ArrayList<>();
        for (JsonValue s : execution.getJsonArray("steps")) {
            steps.add(s.asJsonObject().getString("name"));
        }
        assertEquals(List.of("prepare", "load", "publish"), steps);
        JsonObject load = execution.getJsonArray("steps").getJsonObject(1);
        assertEquals(4, load.getInt("read"));
        assertEquals(3, load.getInt("written"));
        assertEquals(1, load.getInt("skipped"));
        assertTrue(load.getJsonNumber("durationMillis").longValue() >= 0);
        assertEquals(2, r.getJsonArray("chunks").size(), "a timing per chunk");

        HttpResponse<String> csv = api.get("/api/jobs/" + id(done) + "/report.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("\"transfer\",\"job\""), csv.body());
        assertTrue(csv.body().contains("\"load\",\"COMPLETED\""), csv.body());
        assertTrue(csv.body().contains("\"execution\",\"chunk\""), csv.body());
    }

    @Test
    void aFailureIsReportedInWords() {
        String t = table("id UInt32", "MergeTree ORDER BY id");
        String file = imports.land("bad-" + System.nanoTime() + ".csv", "id\n1\nzwei\n".getBytes(StandardCharsets.UTF_8));
        JsonObject done = imports.run("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + t + "\"}");
        assertEquals("FAILED", done.getString("status"));
        JsonObject execution = report(id(done)).getJsonArray("executions").getJsonObject(0);
        assertEquals("FAILED", execution.getString("status"));
        String failure = execution.getString("failure");
        assertTrue(failure.contains("line 3") && failure.contains("zwei") && failure.contains("nothing was published"),
                failure);
        assertFalse(failure.contains("Exception"), failure);

        String stage = "_flatingest_stage_" + report(id(done)).getJsonObject("parameters").getString("importId");
        assertEquals("1", ClickHouseQueries.run("SELECT count() FROM system.tables WHERE database = '" + DB
                + "' AND name = '" + stage + "'"), "a failed import keeps its staged rows for a restart");
        assertEquals(204, api.postJson("/api/jobs/" + id(done) + "/abandon", "").statusCode());
        assertEquals("0", ClickHouseQueries.run("SELECT count() FROM system.tables WHERE database = '" + DB
                + "' AND name = '" + stage + "'"), "abandoning dropped the staged rows");
        assertEquals("ABANDONED", api.getObject("/api/jobs/" + id(done)).getString("status"));
    }

    @Test
    void aMismatchIsFlaggedLoudly() {
        String t = table("id UInt32", "Null");
        String file = imports.land("null-" + System.nanoTime() + ".csv", "id\n1\n2\n".getBytes(StandardCharsets.UTF_8));
        JsonObject done = imports.run("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + t + "\"}");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals("COMPLETED WITH MISMATCH", done.getString("exitStatus"));
        JsonObject rec = report(id(done)).getJsonObject("reconciliation");
        assertFalse(rec.getBoolean("matches"));
        assertEquals(2, rec.getInt("expected"));
        assertEquals(0, rec.getInt("actual"));
        assertTrue(rec.getString("note").startsWith("MISMATCH"), rec.toString());
    }

    @Test
    void progressGrowsWhileItRunsAndAStoppedTransferRestartsWhereItStopped() {
        String t = table("id UInt32, text String", "MergeTree ORDER BY id");
        String file = bigFile(400_000);
        long id = imports.start("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + t
                + "\",\"chunkSize\":5000}");
        List<JsonObject> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && seen.size() < 4) {
            JsonObject p = api.getObject("/api/jobs/" + id + "/progress");
            if (p.getString("state").equals("RUNNING") && p.getJsonNumber("rowsRead").longValue() > 0
                    && (seen.isEmpty() || p.getJsonNumber("rowsRead").longValue()
                    > seen.get(seen.size() - 1).getJsonNumber("rowsRead").longValue())) {
                seen.add(p);
            }
            ApiClient.sleep(50);
        }
        assertTrue(seen.size() >= 2, "progress moved: " + seen);
        JsonObject last = seen.get(seen.size() - 1);
        double percent = last.getJsonNumber("percent").doubleValue();
        assertTrue(percent > 0 && percent < 100, last.toString());
        assertTrue(last.getJsonNumber("bytesTotal").longValue() > 0);

        assertEquals(202, api.postJson("/api/jobs/" + id + "/stop", "").statusCode());
        JsonObject stopped = imports.awaitEnd(id);
        assertEquals("STOPPED", stopped.getString("status"), stopped.toString());
        HttpResponse<String> again = api.postJson("/api/jobs/" + id + "/restart", "");
        assertEquals(202, again.statusCode(), again.body());
        assertEquals(409, api.postJson("/api/jobs/" + id + "/restart", "").statusCode(),
                "an execution that was restarted once cannot be restarted again");
        JsonObject done = imports.awaitEnd(ApiClient.json(again).asJsonObject().getJsonNumber("executionId").longValue());
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals("400000\t400000", ClickHouseQueries.run("SELECT count(), uniqExact(id) FROM " + DB + "." + t));
        JsonObject r = report(id(done));
        JsonArray executions = r.getJsonArray("executions");
        assertEquals(2, executions.size());
        assertEquals("STOPPED", executions.getJsonObject(0).getString("status"));
        assertEquals("COMPLETED", executions.getJsonObject(1).getString("status"));
        assertEquals(400_000, r.getJsonObject("totals").getInt("rowsWritten"));
    }

    @Test
    void transfersOverTheLimitWaitInTheQueueAndCanBeStoppedThere() {
        String t1 = table("id UInt32, text String", "MergeTree ORDER BY id");
        String t2 = table("id UInt32, text String", "MergeTree ORDER BY id");
        String t3 = table("id UInt32, text String", "MergeTree ORDER BY id");
        String file = bigFile(200_000);
        long first = imports.start("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + t1
                + "\",\"chunkSize\":5000}");
        long second = imports.start("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + t2 + "\"}");
        long third = imports.start("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + t3 + "\"}");
        api.await("/api/jobs/" + second + "/progress", p -> p.getString("state").equals("QUEUED"), Duration.ofSeconds(60));
        JsonObject queued = ApiClient.json(api.get("/api/jobs?status=QUEUED")).asJsonObject();
        assertTrue(queued.getJsonArray("items").stream().anyMatch(i -> i.asJsonObject().getJsonNumber("executionId")
                .longValue() == second), queued.toString());
        assertEquals(202, api.postJson("/api/jobs/" + third + "/stop", "").statusCode());
        assertEquals("STOPPED", imports.awaitEnd(third).getString("status"));
        assertEquals("COMPLETED", imports.awaitEnd(first).getString("status"));
        assertEquals("COMPLETED", imports.awaitEnd(second).getString("status"));
        assertEquals("200000", ClickHouseQueries.run("SELECT count() FROM " + DB + "." + t2));
        assertEquals("0", ClickHouseQueries.run("SELECT count() FROM " + DB + "." + t3));
        JsonObject stoppedInQueue = report(third).getJsonArray("executions").getJsonObject(0);
        assertEquals("STOPPED", stoppedInQueue.getString("status"));
        assertTrue(stoppedInQueue.getJsonArray("steps").isEmpty(), "stopped while queued, before running any step");
        assertEquals(204, api.postJson("/api/jobs/" + third + "/abandon", "").statusCode());
        assertEquals(409, api.postJson("/api/jobs/" + third + "/restart", "").statusCode());
    }

    @Test
    void executionsAreListedFilteredAndPaged() {
        String t = table("id UInt32", "MergeTree ORDER BY id");
        for (int i = 0; i < 3; i++) {
            String file = imports.land("list-" + i + "-" + System.nanoTime() + ".csv", "id\n1\n".getBytes(
                    StandardCharsets.UTF_8));
            imports.run("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + t + "\"}");
        }
        JsonObject page = ApiClient.json(api.get("/api/jobs?job=file-import&status=COMPLETED&size=2")).asJsonObject();
        assertEquals(2, page.getJsonArray("items").size());
        assertTrue(page.getInt("total") >= 3, page.toString());
        JsonObject firstItem = page.getJsonArray("items").getJsonObject(0);
        assertEquals("file-import", firstItem.getString("job"));
        assertNotNull(firstItem.getString("source"));
        JsonObject next = ApiClient.json(api.get("/api/jobs?job=file-import&status=COMPLETED&size=2&page=1"))
                .asJsonObject();
        assertFalse(next.getJsonArray("items").isEmpty());
        assertTrue(id(next.getJsonArray("items").getJsonObject(0)) < id(firstItem), "newest first");
        assertEquals(400, api.get("/api/jobs?from=yesterday").statusCode());
        assertEquals(0, ApiClient.json(api.get("/api/jobs?from=2099-01-01")).asJsonObject().getInt("total"));
    }
}
