package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exports from the real ClickHouse through the REST API: column choice and order, filters, queries, every dialect
 * option, gzip, refusals, and a round trip of every type 18.16 has (export, import back, same checksum).
 */
@ExtendWith(SharedMicro.class)
class FileExportIT {

    private static final String DB = "file_export_it";

    private final MicroServer server;
    private final ApiClient api;
    private final ImportApi jobs;

    FileExportIT(MicroServer server) {
        this.server = server;
        this.api = ApiClient.asAdmin(server.baseUrl());
        this.jobs = new ImportApi(server, api);
    }

    @BeforeAll
    static void tables() {
        ClickHouseQueries.run("DROP DATABASE IF EXISTS " + DB);
        ClickHouseQueries.run("CREATE DATABASE " + DB);
        ClickHouseQueries.run("CREATE TABLE " + DB + ".people (id UInt32, name String, score Nullable(Float64),"
                + " born Date) ENGINE = MergeTree ORDER BY id");
        ClickHouseQueries.run("INSERT INTO " + DB + ".people VALUES (1, 'Ann', 1.5, '1990-01-02'),"
                + " (2, 'Bob \"the\" builder, Jr.', NULL, '1985-12-31'), (3, '=cmd|calc', -2, '2000-02-29'),"
                + " (4, 'Zoë\ttab', 1e-7, '1971-01-01')");
    }

    private JsonObject export(String json) {
        HttpResponse<String> r = api.postJson("/api/jobs/exports", json);
        assertEquals(202, r.statusCode(), r.body());
        long id = ApiClient.json(r).asJsonObject().getJsonNumber("executionId").longValue();
        return jobs.awaitEnd(id);
    }

    private Path exported(String name) {
        return server.dataDirectory().resolve("exports").resolve(name);
    }

    private String read(String name, Charset charset) throws IOException {
        return Files.readString(exported(name), charset);
    }

    @Test
    void chosenColumnsInChosenOrderWithAFilter() throws IOException {
        JsonObject done = export("{\"database\":\"" + DB + "\",\"table\":\"people\",\"columns\":[\"name\",\"id\"],"
                + "\"filter\":\"id IN (1, 2) OR name LIKE 'Z%'\",\"output\":{\"fileName\":\"chosen.csv\"}}");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals("name,id\nAnn,1\n\"Bob \"\"the\"\" builder, Jr.\",2\nZoë\ttab,4\n", read("chosen.csv",
                StandardCharsets.UTF_8));
        assertEquals(3, ImportApi.metric(done, "export", "WRITE_COUNT"));
        // the key (id) need not be exported: still the order, and a checkpoint after every row keeps its key
        JsonObject withoutKey = export("{\"database\":\"" + DB + "\",\"table\":\"people\",\"columns\":[\"name\"],"
                + "\"chunkSize\":1,\"output\":{\"fileName\":\"names.csv\",\"header\":false}}");
        assertEquals("COMPLETED", withoutKey.getString("status"), withoutKey.toString());
        assertEquals("Ann\n\"Bob \"\"the\"\" builder, Jr.\"\n=cmd|calc\nZoë\ttab\n", read("names.csv",
                StandardCharsets.UTF_8));
    }

    @Test
    void aLargeExportReadInKeyRangesHoldsEveryRowOnceInKeyOrder() throws IOException {
        // 300 000 rows, 250 000 of them past the filter (over the 200 000 at which an integer key is split into
        // ranges), keys from -60 000 to 59 999 with every key on 2-3 rows: ranges split at negative and positive
        // quantiles, ties cross range bounds, and the rows must come exactly in the order of one query.
        ClickHouseQueries.run("CREATE TABLE " + DB + ".wide (k Int32, n UInt64, s String) ENGINE = MergeTree ORDER BY k");
        ClickHouseQueries.run("INSERT INTO " + DB + ".wide SELECT toInt32(number % 120000) - 60000, number,"
                + " concat('r', toString(number)) FROM system.numbers LIMIT 300000");
        try {
            JsonObject done = export("{\"database\":\"" + DB + "\",\"table\":\"wide\",\"filter\":\"n % 6 != 0\","
                    + "\"output\":{\"fileName\":\"wide.csv\",\"header\":false}}");
            assertEquals("COMPLETED", done.getString("status"), done.toString());
            assertEquals(250_000, ImportApi.metric(done, "export", "WRITE_COUNT"));
            String expected = ClickHouseQueries.run("SELECT k, n, s FROM " + DB + ".wide WHERE n % 6 != 0"
                    + " ORDER BY k, n, s FORMAT CSV").replace("\"", "") + "\n";
            assertEquals(expected, read("wide.csv", StandardCharsets.UTF_8));
        } finally {
            ClickHouseQueries.run("DROP TABLE IF EXISTS " + DB + ".wide");
        }
    }

    @Test
    void aQuerySourceWithAKeyAndALimit() throws IOException {
        JsonObject done = export("{\"query\":\"SELECT id, upper(name) AS shout FROM " + DB + ".people WHERE id > 1\","
                + "\"orderBy\":[\"id\"],\"limit\":2,\"output\":{\"fileName\":\"query.csv\"}}");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals("id,shout\n2,\"BOB \"\"THE\"\" BUILDER, JR.\"\n3,=CMD|CALC\n", read("query.csv",
                StandardCharsets.UTF_8));
    }

    @Test
    void tsvEscapesAndNullsAsClickHouseWritesThem() throws IOException {
        JsonObject done = export("{\"database\":\"" + DB + "\",\"table\":\"people\",\"output\":{\"format\":\"TSV\","
                + "\"fileName\":\"people.tsv\"}}");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals(ClickHouseQueries.run("SELECT * FROM " + DB + ".people ORDER BY id FORMAT TSVWithNames") + "\n",
                read("people.tsv", StandardCharsets.UTF_8));
    }

    @Test
    void everyCsvDialectOption() throws IOException {
        JsonObject done = export("{\"database\":\"" + DB + "\",\"table\":\"people\",\"columns\":[\"id\",\"name\","
                + "\"score\"],\"output\":{\"delimiter\":\";\",\"quote\":\"'\",\"quoteAll\":true,\"header\":false,"
                + "\"nullToken\":\"NULL\",\"lineEnding\":\"CRLF\",\"charset\":\"windows-1252\",\"fileName\":\"all.csv\","
                + "\"formulaProtection\":true}}");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        String expected = "'1';'Ann';'1.5'\r\n'2';'Bob \"the\" builder, Jr.';NULL\r\n'3';'''=cmd|calc';'-2'\r\n"
                + "'4';'Zoë\ttab';'1e-7'\r\n";
        assertEquals(expected, read("all.csv", Charset.forName("windows-1252")));
        // the same options in UTF-8, whose lines are built from bytes (CsvLines) instead of by opencsv
        JsonObject utf8 = export("{\"database\":\"" + DB + "\",\"table\":\"people\",\"columns\":[\"id\",\"name\","
                + "\"score\"],\"output\":{\"delimiter\":\";\",\"quote\":\"'\",\"quoteAll\":true,\"header\":false,"
                + "\"nullToken\":\"NULL\",\"lineEnding\":\"CRLF\",\"fileName\":\"all-utf8.csv\",\"formulaProtection\":true}}");
        assertEquals("COMPLETED", utf8.getString("status"), utf8.toString());
        assertEquals(expected, read("all-utf8.csv", StandardCharsets.UTF_8));
        JsonObject bom = export("{\"database\":\"" + DB + "\",\"table\":\"people\",\"columns\":[\"id\"],"
                + "\"output\":{\"bom\":true,\"fileName\":\"bom.csv\"}}");
        assertEquals("COMPLETED", bom.getString("status"), bom.toString());
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'i', 'd', '\n', '1', '\n'},
                java.util.Arrays.copyOf(Files.readAllBytes(exported("bom.csv")), 8));
    }

    @Test
    void gzipOutputAndTheDownloadEndpoint() throws IOException {
        JsonObject done = export("{\"database\":\"" + DB + "\",\"table\":\"people\",\"columns\":[\"id\",\"born\"],"
                + "\"chunkSize\":1,\"output\":{\"gzip\":true,\"fileName\":\"people.csv.gz\"}}");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(exported("people.csv.gz")))) {
            assertEquals("id,born\n1,1990-01-02\n2,1985-12-31\n3,2000-02-29\n4,1971-01-01\n",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        HttpResponse<String> download = api.get("/api/jobs/" + done.getJsonNumber("executionId") + "/output");
        assertEquals(200, download.statusCode());
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").contains("people.csv.gz"));
        assertTrue(Files.list(server.dataDirectory().resolve("exports")).noneMatch(p -> p.toString().endsWith(".part")),
                "no temporary file is left behind");
    }

    @Test
    void refusesInjectionTraversalAndClobbering() {
        String[] bodies = {
            "{\"database\":\"" + DB + "\",\"table\":\"people\",\"filter\":\"1; DROP DATABASE " + DB + "\"}",
            "{\"database\":\"" + DB + "\",\"table\":\"people\",\"filter\":\"1) UNION ALL (SELECT * FROM system.users\"}",
            "{\"query\":\"DROP DATABASE " + DB + "\"}",
            "{\"query\":\"SELECT 1; DROP DATABASE " + DB + "\"}",
            "{\"query\":\"INSERT INTO " + DB + ".people SELECT * FROM " + DB + ".people\"}",
            "{\"database\":\"" + DB + "\",\"table\":\"people\",\"output\":{\"fileName\":\"../../escape.csv\"}}",
            "{\"database\":\"" + DB + "\",\"table\":\"people\",\"output\":{\"fileName\":\"subset.csv\"}}",
            "{\"database\":\"" + DB + "\",\"table\":\"people\",\"columns\":[\"nope\"]}",
            "{\"database\":\"" + DB + "\",\"table\":\"people`; DROP DATABASE x; --\"}"};
        export("{\"database\":\"" + DB + "\",\"table\":\"people\",\"output\":{\"fileName\":\"subset.csv\",\"overwrite\":true}}");
        for (String body : bodies) {
            HttpResponse<String> r = api.postJson("/api/jobs/exports", body);
            assertEquals(400, r.statusCode(), body + " -> " + r.body());
        }
        assertEquals("4", ClickHouseQueries.run("SELECT count() FROM " + DB + ".people"));
    }

    @Test
    void everyTypeSurvivesARoundTripThroughCsvAndTsv() {
        String columns = "i8 Int8, i16 Int16, i32 Int32, i64 Int64, u8 UInt8, u16 UInt16, u32 UInt32, u64 UInt64,"
                + " f32 Float32, f64 Float64, d32 Decimal(9, 2), d64 Decimal(18, 6), d128 Decimal(38, 10),"
                + " s String, fs FixedString(4), dt Date, ts DateTime, tz DateTime('Asia/Kolkata'), uid UUID,"
                + " e8 Enum8('a' = 1, 'b,c' = -2), e16 Enum16('x' = 1000, 'y''z' = 2000), ns Nullable(String),"
                + " ni Nullable(Int32), lc LowCardinality(String), ai Array(Int32), an Array(Nullable(String)),"
                + " aa Array(Array(UInt8))";
        ClickHouseQueries.run("CREATE TABLE " + DB + ".every (" + columns + ") ENGINE = MergeTree ORDER BY tuple()"
                + " SETTINGS index_granularity = 8192");
        ClickHouseQueries.run("INSERT INTO " + DB + ".every VALUES"
                + " (-128, -32768, -2147483648, -9223372036854775808, 0, 0, 0, 0, -3.4028235e38, 1e-300, -9999999.99,"
                + " 0.000001, -1234567890123456789012345678.0123456789, '', 'ab', '1970-01-02', '1970-01-01 00:00:01',"
                + " '2024-03-01 05:30:00', '00000000-0000-0000-0000-000000000000', 'a', 'x', NULL, NULL, '', [], [], [])"
                + ",(127, 32767, 2147483647, 9223372036854775807, 255, 65535, 4294967295, 18446744073709551615,"
                + " inf, -0.0, 9999999.99, -999999999999.999999, 1.5, 'quote \" comma , newline \n cr \r tab \t \\\\N"
                + " back\\\\slash ünïcödé 😀', 'abcd', '2105-12-31', '2105-12-31 23:59:59', '2024-03-01 00:00:00',"
                + " '123e4567-e89b-12d3-a456-426614174000', 'b,c', 'y''z', '', 0, 'lc',"
                + " [1, -2, 3], ['x', NULL, '', 'q''uote'], [[1], [], [2, 3]])"
                + ",(0, 1, 2, 3, 4, 5, 6, 7, nan, 0.1, 0, 0, 0, 'NULL', 'x', '2024-02-29', '2024-02-29 12:00:00',"
                + " '2024-02-29 12:00:00', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'a', 'x', 'NULL', -1, 'lc',"
                + " [0], [NULL], [[0]])");
        for (String format : new String[] {"CSV", "TSV"}) {
            String file = "every-" + format + "-" + System.nanoTime() + "." + format.toLowerCase();
            JsonObject exported = export("{\"database\":\"" + DB + "\",\"table\":\"every\",\"output\":{\"format\":\""
                    + format + "\",\"fileName\":\"" + file + "\"" + (format.equals("CSV") ? ",\"nullToken\":\"\\\\N\"" : "")
                    + "}}");
            assertEquals("COMPLETED", exported.getString("status"), exported.toString());
            jobs.land(file, readBytes(exported(file)));
            String copy = "copy_" + format.toLowerCase() + "_" + System.nanoTime();
            ClickHouseQueries.run("CREATE TABLE " + DB + "." + copy + " AS " + DB + ".every");
            JsonObject imported = jobs.run("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + copy
                    + "\",\"dialect\":{\"format\":\"" + format + "\"" + (format.equals("CSV")
                    ? ",\"nullTokens\":[\"\\\\N\"]" : "") + "}}");
            assertEquals("COMPLETED", imported.getString("status"), imported + "\n" + jobs.rejects(
                    imported.getJsonNumber("executionId").longValue()));
            assertEquals(checksum("every"), checksum(copy), format + " round trip changed a value");
            String texts = columnTexts(columns);
            assertEquals("", ClickHouseQueries.run("SELECT count() FROM (SELECT " + texts + ", 1 AS src FROM " + DB
                    + ".every UNION ALL SELECT " + texts + ", 2 FROM " + DB + "." + copy + ") GROUP BY "
                    + keys(columns) + " HAVING countIf(src = 1) != countIf(src = 2)"), format + ": rows differ");
        }
    }

    /** Every column as text ({@code toString(c) AS k0, …}): ClickHouse 18.16 crashes grouping Decimal128 keys. */
    private static String columnTexts(String columns) {
        String[] definitions = columns.split(",(?![^()]*\\))");
        StringBuilder texts = new StringBuilder();
        for (int i = 0; i < definitions.length; i++) {
            texts.append(i == 0 ? "" : ", ").append("toString(").append(definitions[i].strip().split(" ")[0])
                    .append(") AS k").append(i);
        }
        return texts.toString();
    }

    private static String keys(String columns) {
        int n = columns.split(",(?![^()]*\\))").length;
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < n; i++) {
            keys.append(i == 0 ? "" : ", ").append('k').append(i);
        }
        return keys.toString();
    }

    private static String checksum(String table) {
        String names = ClickHouseQueries.run("SELECT arrayStringConcat(groupArray(concat('toString(', name, ')')), ', ')"
                + " FROM system.columns WHERE database = '" + DB + "' AND table = '" + table + "'");
        return ClickHouseQueries.run("SELECT count(), sum(cityHash64(" + names + ")) FROM " + DB + "." + table);
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
