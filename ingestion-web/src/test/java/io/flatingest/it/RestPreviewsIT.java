package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /api/previews} and {@code /api/schemas}: file previews with the detected or given dialect and conversion
 * into a real table's types, table and query previews, schema proposals; Bean Validation of the bodies; roles.
 */
@ExtendWith(SharedMicro.class)
class RestPreviewsIT {

    private static final String DB = "rest_previews_it";
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    private static ApiClient admin;
    private static ApiClient viewer;
    private static String file;

    @BeforeAll
    static void setUp(MicroServer server) {
        admin = ApiClient.asAdmin(server.baseUrl());
        viewer = RestUsers.create(server, admin, "preview-viewer-" + RUN, "viewer");
        ClickHouseQueries.run("CREATE DATABASE IF NOT EXISTS " + DB);
        ClickHouseQueries.run("DROP TABLE IF EXISTS " + DB + ".sales");
        ClickHouseQueries.run("CREATE TABLE " + DB + ".sales (id UInt16, amount Decimal(9, 2),"
                + " day Date, note Nullable(String)) ENGINE = MergeTree ORDER BY id");
        ClickHouseQueries.run("INSERT INTO " + DB + ".sales VALUES (1, 1.5, '2024-01-01', NULL), (2, 2, '2024-01-02',"
                + " 'x')");
        file = "preview-" + RUN + ".csv";
        HttpResponse<String> r = new FilesApi(server.baseUrl(), admin.token(TestSecurity.ADMIN,
                TestSecurity.adminPassword())).upload(file, ("id;amount;day;note\n1;12.5;2024-01-01;a\n"
                + "2;abc;2024-02-30;\n300000;3;2024-03-01;c\n4;4\n").getBytes(StandardCharsets.UTF_8), null);
        assertEquals(201, r.statusCode(), r.body());
    }

    private static JsonObject post(String path, String json) {
        HttpResponse<String> r = admin.postJson(path, json);
        assertEquals(200, r.statusCode(), r.body());
        return ApiClient.json(r).asJsonObject();
    }

    private static JsonObject problem(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        return ApiClient.json(r).asJsonObject();
    }

    @Test
    void aFileAsReadWithTheDetectedDialect() {
        JsonObject p = post("/api/previews/file", "{\"file\":\"" + file + "\",\"rows\":2}");
        assertEquals(";", p.getJsonObject("dialect").getString("delimiter"));
        assertTrue(p.getJsonObject("detected").getJsonArray("reasons").toString().contains("delimiter: semicolon"),
                p.getJsonObject("detected").toString());
        assertEquals(List.of("id", "amount", "day", "note"), p.getJsonArray("header").getValuesAs(
                jakarta.json.JsonString::getString));
        assertEquals(2, p.getJsonArray("rows").size());
        assertFalse(p.getBoolean("complete"));
        assertEquals("[\"2\",\"abc\",\"2024-02-30\",null]", p.getJsonArray("rows").getJsonObject(1)
                .getJsonArray("values").toString());
    }

    @Test
    void aFileConvertedIntoATableNamesEveryCellTheImportWouldReject() {
        JsonObject p = post("/api/previews/file", "{\"file\":\"" + file + "\",\"database\":\"" + DB
                + "\",\"table\":\"sales\"}");
        assertEquals("[\"UInt16\",\"Decimal(9, 2)\",\"Date\",\"Nullable(String)\"]", p.getJsonArray("columns").stream()
                .map(c -> c.asJsonObject().get("type")).toList().toString().replace(" ", "").replace(",2)", ", 2)"));
        JsonArray rows = p.getJsonArray("rows");
        assertEquals("[\"1\",\"12.50\",\"2024-01-01\",\"a\"]", rows.getJsonObject(0).getJsonArray("values").toString());
        assertTrue(rows.getJsonObject(1).getBoolean("rejected"));
        assertTrue(p.getBoolean("complete"));
        List<String> messages = p.getJsonArray("warnings").stream().map(w -> w.asJsonObject().getString("message"))
                .toList();
        assertEquals(4, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("Row 2 (line 3) column amount value 'abc' would be rejected because"),
                messages.get(0));
        assertTrue(messages.get(1).startsWith("Row 2 (line 3) column day value '2024-02-30' would be rejected"));
        assertTrue(messages.get(2).startsWith("Row 3 (line 4) column id value '300000'"), messages.get(2));
        assertEquals("Row 4 (line 5) would be rejected because the record has 2 fields, expected 4", messages.get(3));
    }

    @Test
    void theCallersDialectOverridesTheDetectedOne() {
        JsonObject p = post("/api/previews/file", "{\"file\":\"" + file + "\",\"dialect\":{\"delimiter\":\",\","
                + "\"header\":false},\"rows\":1}");
        assertFalse(p.containsKey("header") && !p.isNull("header"));
        assertEquals(",", p.getJsonObject("dialect").getString("delimiter"));
        assertEquals(";", p.getJsonObject("detected").getJsonObject("dialect").getString("delimiter"));
        assertEquals("[\"id;amount;day;note\"]", p.getJsonArray("rows").getJsonObject(0).getJsonArray("values")
                .toString());
        assertEquals("column_1", p.getJsonArray("columns").getJsonObject(0).getString("name"));
    }

    @Test
    void badBodiesAreRefusedNamingFieldAndValue() {
        JsonObject p = problem(admin.postJson("/api/previews/file", "{\"file\":\"\",\"database\":\" padded\","
                + "\"table\":\"t\\u0001x\",\"rows\":0}"), 400);
        List<String> fields = p.getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList();
        assertEquals(List.of("database", "file", "rows", "table"), fields);
        assertTrue(p.getString("detail").contains("database must have 1 to 200 characters, no control characters and"
                + " no white space at either end (got ' padded')"), p.getString("detail"));
        assertTrue(problem(admin.postJson("/api/previews/file", "{\"file\":\"" + file + "\",\"dialect\":"
                + "{\"delimiter\":\";;;\"}}"), 400).getString("detail").contains("dialect.delimiter"));
        assertTrue(problem(admin.postJson("/api/previews/file", "{\"file\":\"../../etc/passwd\"}"), 400)
                .getString("detail").contains("'..' is not allowed"));
        assertTrue(problem(admin.postJson("/api/previews/file", "{\"file\":\"missing-" + RUN + ".csv\"}"), 400)
                .getString("detail").contains("does not exist"));
        assertTrue(problem(admin.postJson("/api/previews/file", "{\"file\":\"" + file + "\",\"database\":\"" + DB
                + "\",\"table\":\"nope\"}"), 400).getString("detail").contains("does not exist"));
        assertFalse(problem(admin.postJson("/api/previews/table", ""), 400).getString("detail").isBlank());
    }

    @Test
    void importRequestsAreValidatedTheSameWay() {
        JsonObject p = problem(admin.postJson("/api/jobs/imports", "{\"file\":\"" + file + "\",\"database\":\"" + DB
                + "\",\"table\":\"sales\\n\",\"chunkSize\":0,\"errors\":{\"maxRejectedRatio\":2}}"), 400);
        assertEquals(List.of("chunkSize", "errors.maxRejectedRatio", "table"), p.getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).toList());
        assertEquals("2.0", p.getJsonArray("errors").getJsonObject(1).getString("value"));
        JsonObject e = problem(admin.postJson("/api/jobs/exports", "{\"database\":\"" + DB + "\",\"table\":\" a\","
                + "\"output\":{\"format\":\"XLS\"}}"), 400);
        assertEquals(List.of("output.format", "table"), e.getJsonArray("errors").stream()
                .map(x -> x.asJsonObject().getString("field")).toList());
    }

    @Test
    void tableAndQueryPreviews() {
        JsonObject t = post("/api/previews/table", "{\"database\":\"" + DB + "\",\"table\":\"sales\",\"rows\":1}");
        assertEquals("[\"id\",\"amount\",\"day\",\"note\"]", t.getJsonArray("columns").stream()
                .map(c -> c.asJsonObject().get("name")).toList().toString().replace(" ", ""));
        assertEquals("[[\"1\",\"1.50\",\"2024-01-01\",null]]", t.getJsonArray("rows").toString());
        JsonObject q = post("/api/previews/query", "{\"query\":\"SELECT id * 10 AS x FROM " + DB + ".sales ORDER BY x"
                + "\",\"rows\":5}");
        assertEquals("[[\"10\"],[\"20\"]]", q.getJsonArray("rows").toString());
        assertEquals("UInt32", q.getJsonArray("columns").getJsonObject(0).getString("type"));
        assertTrue(problem(admin.postJson("/api/previews/query", "{\"query\":\"SELECT 1; DROP TABLE " + DB
                + ".sales\"}"), 400).getString("detail").contains("';'"));
        assertTrue(problem(admin.postJson("/api/previews/query", "{\"query\":\"INSERT INTO " + DB
                + ".sales VALUES (9, 9, '2024-01-01', NULL)\"}"), 400).getString("detail").contains("single SELECT"));
        assertTrue(problem(admin.postJson("/api/previews/query", "{\"query\":\"SELECT nope FROM " + DB + ".sales\"}"),
                400).getString("detail").contains("not accepted by ClickHouse"));
        assertEquals(404, admin.postJson("/api/previews/table", "{\"database\":\"" + DB + "\",\"table\":\"nope\"}")
                .statusCode());
        assertEquals(404, admin.postJson("/api/previews/table", "{\"database\":\"" + DB + "\",\"table\":\"sales` "
                + "WHERE 1; DROP TABLE " + DB + ".sales; --\"}").statusCode(), "a quoted name, not SQL");
        assertEquals("2", ClickHouseQueries.run("SELECT count() FROM " + DB + ".sales"));
    }

    @Test
    void aSchemaProposalIsTheCreateTableOfTheFile() {
        JsonObject s = post("/api/schemas/proposal", "{\"file\":\"" + file + "\",\"database\":\"" + DB
                + "\",\"table\":\"proposed\"}");
        assertTrue(s.getString("createTable").startsWith("CREATE TABLE `" + DB + "`.`proposed` (`id` "),
                s.getString("createTable"));
        assertEquals(4, s.getJsonObject("definition").getJsonArray("columns").size());
        assertFalse(s.getJsonObject("proposal").getJsonArray("columns").getJsonObject(0).getString("reason")
                .isBlank());
        assertTrue(problem(admin.postJson("/api/schemas/proposal", "{\"file\":\"" + file + "\",\"table\":\"x\\ty\"}"),
                400).getString("detail").contains("table"));
    }

    @Test
    void viewersMayNotPreview() {
        assertEquals(403, viewer.postJson("/api/previews/file", "{\"file\":\"" + file + "\"}").statusCode());
        assertEquals(403, viewer.postJson("/api/previews/query", "{\"query\":\"SELECT 1\"}").statusCode());
        assertEquals(403, viewer.postJson("/api/schemas/proposal", "{\"file\":\"" + file + "\"}").statusCode());
    }
}
