package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A whole round trip through the REST API only, as an external client would do it: upload a file, preview it,
 * get a schema proposal, import it into a new table, poll the progress to the end, read the report, export the
 * table, download the export and compare it with the upload.
 */
@ExtendWith(SharedMicro.class)
class RestEndToEndIT {

    private static final int ROWS = 20_000;

    @Test
    void uploadPreviewImportExportDownloadCompare(MicroServer server) {
        long began = System.nanoTime();
        String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String token = ApiClient.asAdmin(server.baseUrl()).token(TestSecurity.ADMIN, TestSecurity.adminPassword());
        ApiClient api = new ApiClient(server.baseUrl()).withToken(token);
        FilesApi files = new FilesApi(server.baseUrl(), token);
        String database = "default";
        String table = "rest_e2e_" + run;

        StringBuilder csv = new StringBuilder("id,name,day,amount\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append(i).append(",name ").append(i % 977).append(',').append(2020 + i % 5).append("-0")
                    .append(1 + i % 9).append('-').append(10 + i % 18).append(',').append(i % 1000).append('.')
                    .append(i % 10).append(i % 7).append('\n');
        }
        byte[] original = csv.toString().getBytes(StandardCharsets.UTF_8);
        String file = "e2e-" + run + ".csv";

        // 1. upload
        HttpResponse<String> upload = files.upload(file, original, null);
        assertEquals(201, upload.statusCode(), upload.body());
        assertEquals(original.length, ApiClient.json(upload).asJsonObject().getJsonNumber("size").longValue());

        // 2. preview as read, 3. schema proposal
        JsonObject preview = post(api, "/api/previews/file", "{\"file\":\"" + file + "\",\"rows\":5}");
        assertEquals(",", preview.getJsonObject("dialect").getString("delimiter"));
        assertEquals(5, preview.getJsonArray("rows").size());
        JsonObject proposal = post(api, "/api/schemas/proposal", "{\"file\":\"" + file + "\",\"database\":\""
                + database + "\",\"table\":\"" + table + "\"}");
        JsonObject definition = proposal.getJsonObject("definition");
        assertEquals("[\"id\"]", definition.getJsonArray("orderBy").toString(), proposal.toString());

        // 4. start the import into the proposed table, poll the progress to the end
        String importBody = Json.createObjectBuilder().add("file", file).add("database", database).add("table", table)
                .add("createTable", definition).add("chunkSize", 5000).build().toString();
        HttpResponse<String> started = api.postJson("/api/jobs/imports", importBody);
        assertEquals(202, started.statusCode(), started.body());
        long importId = ApiClient.json(started).asJsonObject().getJsonNumber("executionId").longValue();
        JsonObject progress = awaitFinal(api, importId);
        assertEquals("COMPLETED", progress.getString("state"), progress.toString());
        assertEquals(ROWS, progress.getJsonNumber("rowsWritten").longValue());

        // 5. the report
        JsonObject report = api.getObject("/api/jobs/" + importId + "/report");
        assertEquals(ROWS, report.getJsonObject("totals").getJsonNumber("rowsWritten").longValue(), report.toString());
        assertEquals(0, report.getJsonObject("totals").getJsonNumber("rowsRejected").longValue());
        assertTrue(report.getJsonObject("reconciliation").getBoolean("matches"), report.toString());

        // 6. export the table ordered by id, poll, 7. download
        String exportName = "e2e-" + run + "-export.csv";
        HttpResponse<String> export = api.postJson("/api/jobs/exports", "{\"database\":\"" + database + "\",\"table\":\""
                + table + "\",\"orderBy\":[\"id\"],\"output\":{\"fileName\":\"" + exportName + "\"}}");
        assertEquals(202, export.statusCode(), export.body());
        long exportId = ApiClient.json(export).asJsonObject().getJsonNumber("executionId").longValue();
        assertEquals("COMPLETED", awaitFinal(api, exportId).getString("state"));
        HttpResponse<byte[]> download = files.download("/api/jobs/" + exportId + "/output");
        assertEquals(200, download.statusCode());

        // 8. compare: the same rows; values as ClickHouse writes them (amount keeps its two decimals)
        assertEquals(lines(original), lines(download.body()));
        System.out.printf("REST end-to-end: %d rows uploaded, previewed, imported, exported and compared in %d ms%n",
                ROWS, (System.nanoTime() - began) / 1_000_000);
    }

    private static List<String> lines(byte[] content) {
        return new ArrayList<>(List.of(new String(content, StandardCharsets.UTF_8).split("\r?\n")));
    }

    private static JsonObject post(ApiClient api, String path, String json) {
        HttpResponse<String> r = api.postJson(path, json);
        assertEquals(200, r.statusCode(), r.body());
        return ApiClient.json(r).asJsonObject();
    }

    private static JsonObject awaitFinal(ApiClient api, long executionId) {
        return api.await("/api/jobs/" + executionId + "/progress", p -> !p.getString("state").equals("RUNNING")
                && !p.getString("state").equals("QUEUED") && !p.getString("state").equals("STARTING")
                && !p.getString("state").equals("STARTED"), Duration.ofMinutes(5));
    }
}
