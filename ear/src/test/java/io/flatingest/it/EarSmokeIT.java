package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Maven-built EAR on a full Payara Server with PostgreSQL as job repository and application database (H2 with
 * {@code -Dflatingest.it.database=h2}): a throwaway domain on non-default ports, prepared by the provided script,
 * answers REST calls, imports a landed file into the real ClickHouse and exports it back to a file, and keeps its
 * job history visible across a redeployment and a server restart; the token issued at the start stays valid
 * throughout (the signing key generated into the data directory is reused).
 */
class EarSmokeIT {

    @Test
    void earDeploysImportsAndExportsAndKeepsItsHistoryAcrossRedeployAndRestart() throws IOException {
        Path work = Path.of(System.getProperty("flatingest.it.dir")).resolve("server-" + System.currentTimeMillis());
        int portBase = 20000 + (int) (ProcessHandle.current().pid() % 400) * 100;
        String ear = System.getProperty("flatingest.ear");
        String kind = System.getProperty("flatingest.it.database", "postgresql");
        Map<String, String> settings = new HashMap<>(Map.of("FLATINGEST_CLICKHOUSE_URL", TestEnvironment.clickHouseUrl(),
                "FLATINGEST_SECURITY_ADMIN_PASSWORD", TestSecurity.adminPassword()));
        // A schedule fires within seconds here (see scheduleInTheEar).
        settings.put("FLATINGEST_SCHEDULES_TICK_SECONDS", "2");
        settings.put("FLATINGEST_SCHEDULES_MIN_INTERVAL", "PT5S");
        if (kind.equals("postgresql")) {
            settings.putAll(PostgresServer.shared().createDatabase("ear_it").settings());
            settings.put("FLATINGEST_DB_DRIVER", System.getProperty("flatingest.postgresqlJar"));
        }
        String db = "ear_smoke_" + System.currentTimeMillis();
        ClickHouseQueries.run("CREATE DATABASE " + db);
        ClickHouseQueries.run("CREATE TABLE " + db + ".people (id UInt32, name String, born Date)"
                + " ENGINE = MergeTree ORDER BY id");
        try (PayaraServerDomain domain = new PayaraServerDomain(work, portBase, settings)) {
            long began = System.nanoTime();
            domain.script("install", ear);
            System.out.printf("Payara Server domain (%s) created, started and EAR deployed in %d s%n", kind,
                    (System.nanoTime() - began) / 1_000_000_000);
            assertEquals(401, new ApiClient(domain.baseUrl()).get("/api/jobs/1").statusCode(),
                    "the API needs a token in the EAR too");
            ApiClient api = ApiClient.asAdmin(domain.baseUrl());
            ImportApi jobs = new ImportApi(domain.dataDirectory(), api);

            HttpResponse<String> started = api.postJson("/api/jobs/self-check",
                    "{\"rows\":500,\"database\":\"" + db + "\",\"table\":\"numbers\",\"chunkSize\":50}");
            assertEquals(202, started.statusCode(), () -> started.body() + "\n" + domain.serverLogTail());
            long id = ApiClient.json(started).asJsonObject().getJsonNumber("executionId").longValue();
            JsonObject job = jobs.awaitEnd(id);
            assertEquals("COMPLETED", job.getString("status"), () -> job + "\n" + domain.serverLogTail());
            JsonObject metrics = job.getJsonArray("steps").getJsonObject(0).getJsonObject("metrics");
            assertEquals(500, metrics.getInt("READ_COUNT"));
            assertEquals(450, metrics.getInt("WRITE_COUNT"));
            assertEquals(50, metrics.getInt("FILTER_COUNT"));
            assertEquals(11, metrics.getInt("COMMIT_COUNT"));

            jobs.land("people.csv", ("id,name,born\n1,Ann,1990-01-02\n2,\"Bob \"\"the\"\" builder, Jr.\",1985-12-31\n"
                    + "3,Zoë,2000-02-29\n").getBytes(StandardCharsets.UTF_8));
            JsonObject imported = jobs.run("{\"file\":\"people.csv\",\"database\":\"" + db + "\",\"table\":\"people\"}");
            assertEquals("COMPLETED", imported.getString("status"), () -> imported + "\n" + domain.serverLogTail());
            assertEquals(3, ImportApi.metric(imported, "load", "WRITE_COUNT"));
            assertEquals("1\tAnn\t1990-01-02\n2\tBob \"the\" builder, Jr.\t1985-12-31\n3\tZoë\t2000-02-29",
                    ClickHouseQueries.run("SELECT * FROM " + db + ".people ORDER BY id FORMAT TSV"));

            HttpResponse<String> export = api.postJson("/api/jobs/exports", "{\"database\":\"" + db
                    + "\",\"table\":\"people\",\"filter\":\"id >= 2\",\"output\":{\"fileName\":\"people.csv\"}}");
            assertEquals(202, export.statusCode(), export.body());
            JsonObject exported = jobs.awaitEnd(ApiClient.json(export).asJsonObject().getJsonNumber("executionId")
                    .longValue());
            assertEquals("COMPLETED", exported.getString("status"), () -> exported + "\n" + domain.serverLogTail());
            assertEquals("id,name,born\n2,\"Bob \"\"the\"\" builder, Jr.\",1985-12-31\n3,Zoë,2000-02-29\n",
                    Files.readString(domain.dataDirectory().resolve("exports/people.csv"), StandardCharsets.UTF_8));

            JsonArray tables = ApiClient.json(api.get("/api/connections/default/databases/" + db + "/tables"))
                    .asJsonArray();
            assertEquals(2, tables.size(), tables.toString());

            restApiInTheEar(domain, api);
            scheduleInTheEar(domain, api, db);

            domain.script("redeploy", ear);
            assertEquals("COMPLETED", api.getObject("/api/jobs/" + id).getString("status"),
                    "an execution started before a redeployment is still visible after it");

            domain.script("stop");
            domain.script("start");
            JsonObject afterRestart = api.getObject("/api/jobs/" + id);
            assertEquals(job.getString("start"), afterRestart.getString("start"));
            JsonObject exportAfterRestart = api.getObject("/api/jobs/"
                    + exported.getJsonNumber("executionId").longValue());
            assertEquals(2, ImportApi.metric(exportAfterRestart, "export", "WRITE_COUNT"));
            assertTrue(ApiClient.json(api.get("/api/connections/default/databases")).toString().contains(db));
        } finally {
            ClickHouseQueries.run("DROP DATABASE IF EXISTS " + db);
        }
    }

    /**
     * A schedule fires in the EAR too (its clock lives in the web module, so that the jobs it starts belong to the web
     * component like every other job), and its run is an ordinary execution with an output file.
     */
    private static void scheduleInTheEar(PayaraServerDomain domain, ApiClient api, String db) throws IOException {
        HttpResponse<String> created = api.postJson("/api/schedules", "{\"name\":\"ear smoke\",\"kind\":\"EXPORT\","
                + "\"interval\":\"PT5S\",\"timeZone\":\"UTC\",\"transfer\":{\"database\":\"" + db + "\","
                + "\"table\":\"people\",\"output\":{\"fileName\":\"scheduled-{epoch}.csv\"}}}");
        assertEquals(201, created.statusCode(), created.body());
        long id = ApiClient.json(created).asJsonObject().getJsonNumber("id").longValue();
        java.util.function.Predicate<JsonObject> done = run -> "COMPLETED".equals(run.getString("status", ""));
        JsonObject completed = api.awaitArray("/api/schedules/" + id + "/runs?limit=50",
                runs -> runs.getValuesAs(JsonObject.class).stream().anyMatch(done), java.time.Duration.ofMinutes(3))
                .getValuesAs(JsonObject.class).stream().filter(done).findFirst().orElseThrow();
        assertEquals(204, api.delete("/api/schedules/" + id).statusCode());
        long execution = completed.getJsonNumber("executionId").longValue();
        assertEquals("COMPLETED", api.getObject("/api/jobs/" + execution).getString("status"));
        try (java.util.stream.Stream<Path> files = Files.list(domain.dataDirectory().resolve("exports"))) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().matches("scheduled-\\d+\\.csv")),
                    "the scheduled export's file");
        }
        System.out.println("EAR: scheduled export ran as execution " + execution);
    }

    /** Multipart upload, a preview, the OpenAPI document and the Swagger UI page from the skinny WAR. */
    private static void restApiInTheEar(PayaraServerDomain domain, ApiClient api) {
        FilesApi files = new FilesApi(domain.baseUrl(), api.token(TestSecurity.ADMIN, TestSecurity.adminPassword()));
        HttpResponse<String> upload = files.upload("ear-smoke.csv", "id;name\n1;a\n2;b\n"
                .getBytes(StandardCharsets.UTF_8), "overwrite=true");
        assertEquals(201, upload.statusCode(), upload.body());
        HttpResponse<String> preview = api.postJson("/api/previews/file", "{\"file\":\"ear-smoke.csv\"}");
        assertEquals(200, preview.statusCode(), preview.body());
        assertEquals(2, ApiClient.json(preview).asJsonObject().getJsonArray("rows").size());
        assertEquals(";", ApiClient.json(preview).asJsonObject().getJsonObject("dialect").getString("delimiter"));

        ApiClient anonymous = new ApiClient(domain.baseUrl());
        HttpResponse<String> page = anonymous.get("/swagger-ui/");
        assertEquals(200, page.statusCode(), page.body());
        String bundle = page.body().replaceAll("(?s).*src=\"\\.\\./(webjars/swagger-ui/[^\"]+/swagger-ui-bundle\\.js)\".*",
                "$1");
        assertEquals(200, anonymous.get("/" + bundle).statusCode(), bundle);

        String root = domain.baseUrl().substring(0, domain.baseUrl().lastIndexOf('/'));
        HttpResponse<String> openapi = new ApiClient(root).get("/openapi", "Accept", "application/json");
        assertEquals(200, openapi.statusCode(), openapi.body());
        JsonObject document = ApiClient.json(openapi).asJsonObject();
        assertTrue(document.getJsonObject("paths").containsKey("/api/files"), document.getJsonObject("paths")
                .keySet().toString());
        assertTrue(document.getJsonObject("components").getJsonObject("securitySchemes").containsKey("jwt"));
        JsonObject fileSchema = document.getJsonObject("paths").getJsonObject("/api/files").getJsonObject("get")
                .getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getJsonObject("items");
        System.out.println("EAR OpenAPI: schema of a landing file: " + fileSchema);
    }
}
