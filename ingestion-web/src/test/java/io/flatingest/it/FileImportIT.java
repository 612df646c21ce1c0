package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Imports of ugly files through the REST API into the real ClickHouse, each checked row by row and, where rows are
 * rejected, line by line in the reject file.
 */
@ExtendWith(SharedMicro.class)
class FileImportIT {

    private static final String DB = "file_import_it";

    private final MicroServer server;
    private final ApiClient api;
    private final ImportApi imports;

    FileImportIT(MicroServer server) {
        this.server = server;
        this.api = ApiClient.asAdmin(server.baseUrl());
        this.imports = new ImportApi(server, api);
    }

    @BeforeAll
    static void database() {
        ClickHouseQueries.run("CREATE DATABASE IF NOT EXISTS " + DB);
    }

    private static String table(String name, String columns) {
        String t = name + "_" + System.nanoTime();
        ClickHouseQueries.run("CREATE TABLE " + DB + "." + t + " (" + columns + ") ENGINE = MergeTree ORDER BY tuple()");
        return t;
    }

    private static String rows(String table, String orderBy) {
        return ClickHouseQueries.run("SELECT * FROM " + DB + "." + table + " ORDER BY " + orderBy + " FORMAT TSV");
    }

    @Test
    void bomAndCrlfAndQuotedNewlinesAndDelimiters() {
        String t = table("bom", "id UInt32, name String, note String");
        String file = imports.land("bom.csv", bytes("\uFEFFid,name,note\r\n1,\"Smith, John\",\"line one\r\nline two\"\r\n"
                + "2,\"say \"\"hi\"\"\",plain\r\n"));
        JsonObject done = imports.run("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + t + "\"}");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals("1\tSmith, John\tline one\\r\\nline two\n2\tsay \"hi\"\tplain", rows(t, "id"));
    }

    @Test
    void semicolonDelimitedLatin1File() {
        String t = table("latin1", "id UInt32, city String, price Decimal(9, 2)");
        String file = imports.land("latin1.csv", "id;city;price\n1;Zürich;3,50\n2;Málaga;4\n".replace("3,50", "3.50")
                .getBytes(StandardCharsets.ISO_8859_1));
        JsonObject done = imports.run("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + t
                + "\",\"dialect\":{\"delimiter\":\";\",\"charset\":\"ISO-8859-1\"}}");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals("1\tZürich\t3.50\n2\tMálaga\t4.00", rows(t, "id"));
    }

    @Test
    void tsvWithClickHouseEscapesAndNulls() {
        String t = table("tsv", "id UInt32, text String, maybe Nullable(Int32)");
        String file = imports.land("escapes.tsv", bytes("id\ttext\tmaybe\n1\ttab\\there\\nnewline\\\\slash\t\\N\n"
                + "2\t\\\\N is text\t7\n"));
        JsonObject done = imports.run("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + t
                + "\",\"dialect\":{\"format\":\"TSV\"}}");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals("1\ttab\\there\\nnewline\\\\slash\t\\N\n2\t\\\\N is text\t7", rows(t, "id"));
    }

    @Test
    void nullsAndEmptyStringsStayApart() {
        String t = table("nulls", "id UInt32, s Nullable(String), e String, n Nullable(Int64)");
        String file = imports.land("nulls.csv", bytes("id,s,e,n\n1,,\"\",\n2,\"\",\"\",\\N\n3,NULL,x,5\n"));
        JsonObject done = imports.run("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + t
                + "\",\"dialect\":{\"nullTokens\":[\"\",\"\\\\N\"]}}");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        // unquoted empty = NULL, quoted empty = '' , \N = NULL, the word NULL is text when not a null token
        assertEquals("1\t\\N\t\t\\N\n2\t\t\t\\N\n3\tNULL\tx\t5", rows(t, "id"));
    }

    @Test
    void columnSubsetAndReorderLeaveOtherColumnsToTheirDefaults() {
        String t = table("subset", "a UInt32, b String DEFAULT 'dflt', c Float64, d Date DEFAULT toDate('2000-01-01')");
        String file = imports.land("subset.csv", bytes("c,x,a\n1.5,ignored,7\n-2e3,skip,8\n"));
        JsonObject done = imports.run("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + t
                + "\",\"columns\":[{\"source\":\"a\",\"column\":\"a\"},{\"position\":1,\"column\":\"c\"}]}");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals("7\tdflt\t1.5\t2000-01-01\n8\tdflt\t-2000\t2000-01-01", rows(t, "a"));
    }

    @Test
    void gzipIsRecognisedByItsContentNotItsName() throws IOException {
        String t = table("gzip", "id UInt32, v String");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buffer)) {
            gz.write(bytes("id,v\n1,one\n2,two\n"));
        }
        String file = imports.land("compressed.csv", buffer.toByteArray());
        JsonObject done = imports.run("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + t + "\"}");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals("1\tone\n2\ttwo", rows(t, "id"));
    }

    @Test
    void badRowsAreSkippedUnderThePolicyWithExactRejectLines() {
        String t = table("skip", "id UInt8, price Decimal(9, 2), day Date");
        String file = imports.land("bad.csv", bytes("id,price,day\n1,1.50,2024-01-02\n300,2.00,2024-01-02\n"
                + "3,1.505,2024-01-02\n4,2.00\n5,\"unterminated,2024-01-02\n6,3.00,2024-02-30\n7,4.00,2024-03-01\n"));
        JsonObject done = imports.run("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + t
                + "\",\"errors\":{\"maxRejectedRows\":10}}");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals("COMPLETED WITH REJECTS", done.getString("exitStatus"));
        assertEquals("1\t1.50\t2024-01-02\n7\t4.00\t2024-03-01", rows(t, "id"));
        assertEquals(5, ImportApi.metric(done, "load", "PROCESS_SKIP_COUNT"));
        String rejects = imports.rejects(done.getJsonNumber("executionId").longValue());
        assertEquals("""
                line,column,value,reason,record
                3,id,300,300 is out of range for UInt8 (0..255),"300,2.00,2024-01-02"
                4,price,1.505,"'1.505' has 3 decimal places; Decimal(9, 2) allows 2","3,1.505,2024-01-02"
                5,,,"the record has 2 fields, expected 3","4,2.00"
                6,,,unterminated quoted field starting on line 6,"5,""unterminated,2024-01-02"
                7,day,2024-02-30,'2024-02-30' is not a valid date,"6,3.00,2024-02-30"
                """, rejects);
    }

    @Test
    void theFirstBadRowFailsTheImportByDefaultAndNothingIsPublished() {
        String t = table("strict", "id UInt32");
        String file = imports.land("strict.csv", bytes("id\n1\n2\nthree\n4\n"));
        JsonObject done = imports.run("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + t + "\"}");
        assertEquals("FAILED", done.getString("status"), done.toString());
        assertEquals("0", ClickHouseQueries.run("SELECT count() FROM " + DB + "." + t));
        assertTrue(imports.rejects(done.getJsonNumber("executionId").longValue()).contains("4,id,three,"));
    }

    @Test
    void theRatioLimitIsCheckedOverTheWholeFileBeforePublishing() {
        String t = table("ratio", "id UInt32");
        String file = imports.land("ratio.csv", bytes("id\n1\n2\nx\ny\n5\n"));
        JsonObject done = imports.run("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + t
                + "\",\"errors\":{\"maxRejectedRows\":-1,\"maxRejectedRatio\":0.25}}");
        assertEquals("FAILED", done.getString("status"), done.toString());
        assertEquals("0", ClickHouseQueries.run("SELECT count() FROM " + DB + "." + t));
    }

    @Test
    void aNewTableIsCreatedFromItsDefinitionOnlyWhenTheImportSucceeds() {
        String t = "created_" + System.nanoTime();
        String file = imports.land("new.csv", bytes("when,who,amount\n2024-01-02 03:04:05,ann,10.5\n"
                + "2024-02-03 04:05:06,bob,\n"));
        JsonObject done = imports.run("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + t + "\","
                + "\"createTable\":{\"columns\":[{\"name\":\"when\",\"type\":\"DateTime('UTC')\"},"
                + "{\"name\":\"who\",\"type\":\"LowCardinality(String)\"},{\"name\":\"amount\",\"type\":\"Nullable(Decimal(18, 2))\"}],"
                + "\"orderBy\":[\"when\"],\"partitionBy\":{\"function\":\"toYYYYMM\",\"column\":\"when\"}}}");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals("2024-01-02 03:04:05\tann\t10.50\n2024-02-03 04:05:06\tbob\t\\N", rows(t, "when"));
        assertEquals("toYYYYMM(when)", ClickHouseQueries.run("SELECT partition_key FROM system.tables WHERE database = '"
                + DB + "' AND name = '" + t + "'"));
    }

    @Test
    void manySmallChunksWithQuotedNewlinesReadEveryRecordOnce() {
        String t = table("parts", "id UInt32, text String");
        StringBuilder csv = new StringBuilder("id,text\n");
        for (int i = 1; i <= 3000; i++) {
            csv.append(i).append(i % 7 == 0 ? ",\"multi\nline, with comma\"\n" : ",plain\n");
        }
        String file = imports.land("parts.csv", bytes(csv.toString()));
        JsonObject done = imports.run("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + t
                + "\",\"chunkSize\":250}");
        assertEquals("COMPLETED", done.getString("status"), done.toString());
        assertEquals("3000\t3000\t4501500\t428", ClickHouseQueries.run("SELECT count(), uniqExact(id), sum(id),"
                + " countIf(text LIKE 'multi%') FROM " + DB + "." + t));
    }

    @Test
    void pathsOutsideTheLandingDirectoryAreRefused() throws IOException {
        String t = table("paths", "id UInt32");
        for (String path : new String[] {"../../../../etc/passwd", "/etc/hostname", "sub/../../x.csv", "a\\u0000b"}) {
            HttpResponse<String> r = api.postJson("/api/jobs/imports", "{\"file\":\"" + path + "\",\"database\":\""
                    + DB + "\",\"table\":\"" + t + "\"}");
            assertEquals(400, r.statusCode(), path + ": " + r.body());
            assertTrue(r.body().contains("refused"), path + ": " + r.body());
        }
        Path link = server.dataDirectory().resolve("landing/escape.csv");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of("/etc/hostname"));
        HttpResponse<String> viaLink = api.postJson("/api/jobs/imports", "{\"file\":\"escape.csv\",\"database\":\""
                + DB + "\",\"table\":\"" + t + "\"}");
        assertEquals(400, viaLink.statusCode(), viaLink.body());
        assertTrue(viaLink.body().contains("refused"), viaLink.body());
    }

    @Test
    void identifiersCannotInjectSql() {
        HttpResponse<String> r = api.postJson("/api/jobs/imports", "{\"file\":\"x.csv\",\"database\":\"" + DB
                + "\",\"table\":\"t` ; DROP DATABASE " + DB + " ; --\"}");
        imports.land("x.csv", bytes("a\n1\n"));
        HttpResponse<String> again = api.postJson("/api/jobs/imports", "{\"file\":\"x.csv\",\"database\":\"" + DB
                + "\",\"table\":\"t` ; DROP DATABASE " + DB + " ; --\"}");
        assertEquals(400, again.statusCode(), again.body());
        assertTrue(again.body().contains("does not exist"), again.body());
        assertEquals("1", ClickHouseQueries.run("SELECT count() FROM system.databases WHERE name = '" + DB + "'"));
        assertEquals(400, r.statusCode());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

}
