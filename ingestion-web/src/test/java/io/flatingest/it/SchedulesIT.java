package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Schedules on a real Payara Micro with the real ClickHouse: a schedule with a short interval picks up files dropped
 * into the landing directory, imports each exactly once (counted in ClickHouse) and archives it; an export schedule
 * writes a dated file; the API validates, audits and enforces roles. The server ticks every 2 s here and accepts
 * intervals from 5 s ({@code flatingest.schedules.tick-seconds}, {@code flatingest.schedules.min-interval}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchedulesIT {

    private static final String DB = "schedules_it";
    private static MicroServer micro;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        micro = new MicroServer(TestEnvironment.itDirectory().resolve("schedules"), TestEnvironment.freePort(),
                Map.of("FLATINGEST_SCHEDULES_TICK_SECONDS", "2", "FLATINGEST_SCHEDULES_MIN_INTERVAL", "PT5S",
                        "FLATINGEST_SCHEDULES_FILE_SETTLE", "PT1S")).clean();
        long ms = micro.start();
        System.out.printf("Payara Micro for schedules ready in %d ms%n", ms);
        api = ApiClient.asAdmin(micro.baseUrl());
        ClickHouseQueries.run("DROP DATABASE IF EXISTS " + DB);
        ClickHouseQueries.run("CREATE DATABASE " + DB);
    }

    @AfterAll
    static void stop() {
        if (micro != null) {
            micro.close();
        }
    }

    /** Writes a CSV of ids [from, to] into the landing directory atomically (a hidden temporary file, then a move). */
    private static void drop(String name, int from, int to) {
        try {
            Path landing = micro.dataDirectory().resolve("landing");
            Path target = landing.resolve(name);
            Files.createDirectories(target.getParent());
            Path temp = landing.resolve(".tmp-" + target.getFileName());
            String rows = IntStream.rangeClosed(from, to).mapToObj(i -> i + ",name " + i)
                    .collect(Collectors.joining("\n", "id,name\n", "\n"));
            Files.writeString(temp, rows);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long create(String json) {
        HttpResponse<String> r = api.postJson("/api/schedules", json);
        assertEquals(201, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Location").orElseThrow().contains("/api/schedules/"));
        return ApiClient.json(r).asJsonObject().getJsonNumber("id").longValue();
    }

    private static JsonArray awaitRuns(long id, Predicate<List<JsonObject>> condition, Duration timeout) {
        return api.awaitArray("/api/schedules/" + id + "/runs?limit=50",
                runs -> condition.test(runs.getValuesAs(JsonObject.class)), timeout);
    }

    private static boolean settled(List<JsonObject> runs, int count) {
        return runs.size() == count && runs.stream().allMatch(r -> r.getString("status").equals("COMPLETED")
                && "ARCHIVED".equals(r.getString("archive", null)));
    }

    private static String table(String sql) {
        return ClickHouseQueries.run(sql);
    }

    @Test
    @Order(1)
    void dropsAreImportedExactlyOnceAndArchived() throws Exception {
        ClickHouseQueries.run("CREATE TABLE " + DB + ".events (id UInt32, name String) ENGINE = MergeTree ORDER BY id");
        drop("incoming/a.csv", 1, 100);
        drop("incoming/b.csv", 101, 250);
        drop("incoming/ignored.tsv", 1, 5);
        long began = System.nanoTime();
        long id = create("{\"name\":\"drop box\",\"kind\":\"IMPORT\",\"interval\":\"PT5S\",\"timeZone\":\"Europe/Paris\","
                + "\"filePattern\":\"incoming/*.csv\",\"archiveDirectory\":\"done\",\"transfer\":{\"database\":\"" + DB
                + "\",\"table\":\"events\"}}");

        JsonArray runs = awaitRuns(id, r -> settled(r, 2), Duration.ofMinutes(3));
        System.out.printf("Schedule picked up, imported and archived 2 files in %d ms%n",
                (System.nanoTime() - began) / 1_000_000);
        assertEquals(List.of("incoming/a.csv", "incoming/b.csv"), runs.getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("file")).sorted().toList());
        assertEquals("250\t250\t31375", table("SELECT count(), uniqExact(id), sum(id) FROM " + DB + ".events FORMAT TSV"));
        Path landing = micro.dataDirectory().resolve("landing");
        assertTrue(Files.exists(landing.resolve("done/incoming/a.csv")));
        assertFalse(Files.exists(landing.resolve("incoming/a.csv")));
        assertTrue(Files.exists(landing.resolve("incoming/ignored.tsv")), "not matching the pattern: left alone");

        // Each run is an ordinary execution with its report; the two imports of one tick published one after the
        // other, so each reconciles exactly (neither counts the other's rows).
        for (JsonObject run : runs.getValuesAs(JsonObject.class)) {
            JsonObject report = api.getObject("/api/jobs/" + run.getJsonNumber("executionId").longValue());
            assertEquals("COMPLETED", report.getString("status"));
            assertEquals("COMPLETED", report.getString("exitStatus"), report.toString());
        }

        // Ticks go on: nothing is imported again.
        JsonObject schedule = api.getObject("/api/schedules/" + id);
        Instant next = Instant.parse(schedule.getString("nextRun"));
        ApiClient.sleep(Math.max(0, Duration.between(Instant.now(), next).toMillis()) + 11_000);
        assertEquals(2, api.getArray("/api/schedules/" + id + "/runs").size());
        assertEquals("250", table("SELECT count() FROM " + DB + ".events"));
        assertTrue(Instant.parse(api.getObject("/api/schedules/" + id).getString("nextRun")).isAfter(next),
                "the schedule moved on to later ticks");

        // A third file: only it is added.
        drop("incoming/c.csv", 251, 300);
        awaitRuns(id, r -> settled(r, 3), Duration.ofMinutes(2));
        assertEquals("300\t300\t45150", table("SELECT count(), uniqExact(id), sum(id) FROM " + DB + ".events FORMAT TSV"));

        // Paused: a new drop waits; resumed: it is picked up.
        JsonObject paused = ApiClient.json(api.postJson("/api/schedules/" + id + "/pause", "")).asJsonObject();
        assertTrue(paused.getBoolean("paused"));
        assertTrue(!paused.containsKey("nextRun") || paused.isNull("nextRun"), paused.toString());
        drop("incoming/d.csv", 301, 310);
        ApiClient.sleep(8_000);
        assertEquals(3, api.getArray("/api/schedules/" + id + "/runs").size());
        JsonObject resumed = ApiClient.json(api.postJson("/api/schedules/" + id + "/resume", "")).asJsonObject();
        assertFalse(resumed.getBoolean("paused"));
        assertNotNull(resumed.getString("nextRun"));
        awaitRuns(id, r -> settled(r, 4), Duration.ofMinutes(2));
        assertEquals("310", table("SELECT count() FROM " + DB + ".events"));

        // The list shows the last results; the audit trail has the changes and the scheduler's starts.
        JsonObject listed = api.getArray("/api/schedules").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
        assertEquals(4, listed.getJsonArray("lastRuns").size());
        String audit = api.get("/api/audit?limit=200").body();
        for (String action : List.of("SCHEDULE_CREATED", "SCHEDULE_PAUSED", "SCHEDULE_RESUMED", "JOB_STARTED")) {
            assertTrue(audit.contains(action), action + " missing from the audit trail");
        }
        assertEquals(204, api.delete("/api/schedules/" + id).statusCode());
        assertEquals(404, api.get("/api/schedules/" + id).statusCode());
    }

    @Test
    @Order(2)
    void anExportScheduleWritesADatedFile() throws Exception {
        ClickHouseQueries.run("CREATE TABLE " + DB + ".totals (k String, v UInt64) ENGINE = MergeTree ORDER BY k");
        ClickHouseQueries.run("INSERT INTO " + DB + ".totals VALUES ('a', 1), ('b', 2)");
        long id = create("{\"name\":\"nightly totals\",\"kind\":\"EXPORT\",\"interval\":\"PT5S\",\"timeZone\":\"UTC\","
                + "\"transfer\":{\"database\":\"" + DB + "\",\"table\":\"totals\","
                + "\"output\":{\"fileName\":\"totals-{date}-{datetime}.csv\"}}}");
        JsonArray runs = awaitRuns(id, r -> !r.isEmpty() && r.get(r.size() - 1).getString("status")
                .equals("COMPLETED"), Duration.ofMinutes(2));
        assertEquals(200, api.postJson("/api/schedules/" + id + "/pause", "").statusCode());
        JsonObject first = runs.getJsonObject(runs.size() - 1);
        Instant tick = Instant.parse(first.getString("fireTime"));
        String expected = "totals-" + tick.toString().substring(0, 10) + "-"
                + java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC)
                .format(tick) + ".csv";
        Path file = micro.dataDirectory().resolve("exports").resolve(expected);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertTrue(Files.exists(file), expected + " not among " + files.toList());
        }
        assertEquals("k,v\na,1\nb,2\n", Files.readString(file));
        assertEquals(204, api.delete("/api/schedules/" + id).statusCode());
    }

    @Test
    @Order(3)
    void invalidSchedulesAreRefusedAndViewersOnlyRead() {
        String transfer = "\"transfer\":{\"database\":\"" + DB + "\",\"table\":\"t\",\"file\":\"x.csv\"}";
        Map<String, String> refused = Map.of(
                "{\"name\":\"\",\"kind\":\"IMPORT\",\"interval\":\"PT5M\"," + transfer + "}", "name",
                "{\"name\":\"n\",\"kind\":\"COPY\",\"interval\":\"PT5M\"," + transfer + "}", "kind",
                "{\"name\":\"n\",\"kind\":\"IMPORT\",\"cron\":\"61 * * * *\"," + transfer + "}", "minute '61'",
                "{\"name\":\"n\",\"kind\":\"IMPORT\",\"interval\":\"PT1S\"," + transfer + "}", "at least PT5S",
                "{\"name\":\"n\",\"kind\":\"IMPORT\",\"cron\":\"0 2 * * *\",\"timeZone\":\"Mars/Base\"," + transfer + "}",
                "Mars/Base",
                "{\"name\":\"n\",\"kind\":\"IMPORT\",\"interval\":\"PT5M\",\"filePattern\":\"../*.csv\"," + transfer + "}",
                "inside the landing directory",
                "{\"name\":\"n\",\"kind\":\"IMPORT\",\"interval\":\"PT5M\",\"filePattern\":\"*.csv\","
                        + "\"archiveDirectory\":\"../out\"," + transfer + "}", "archiveDirectory",
                "{\"name\":\"n\",\"kind\":\"EXPORT\",\"interval\":\"PT5M\",\"transfer\":{\"database\":\"d\",\"table\":\"t\","
                        + "\"output\":{\"fileName\":\"x-{weekday}.csv\"}}}", "{weekday}");
        refused.forEach((body, expected) -> {
            HttpResponse<String> r = api.postJson("/api/schedules", body);
            assertEquals(400, r.statusCode(), body + " -> " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    r.headers().map().toString());
            assertTrue(r.body().contains(expected), body + " -> " + r.body());
        });
        String ok = "{\"name\":\"hourly\",\"kind\":\"IMPORT\",\"cron\":\"0 * * * *\",\"timeZone\":\"Europe/Berlin\","
                + transfer + "}";
        long id = create(ok);
        assertEquals(409, api.postJson("/api/schedules", ok).statusCode());
        JsonObject shown = api.getObject("/api/schedules/" + id);
        assertEquals("0 * * * *", shown.getString("cron"));
        assertEquals("x.csv", shown.getJsonObject("transfer").getString("file"));
        assertEquals(0, Instant.parse(shown.getString("nextRun")).getEpochSecond() % 3600);

        // What a schedule shows can be sent back (PUT) with changes.
        JsonObject changed = Json.createObjectBuilder().add("name", "hourly").add("kind", "IMPORT")
                .add("interval", "PT10M").add("transfer", shown.getJsonObject("transfer")).build();
        HttpResponse<String> put = api.putJson("/api/schedules/" + id, changed.toString());
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("PT10M", ApiClient.json(put).asJsonObject().getString("interval"));
        assertEquals(JsonValue.ValueType.NULL, ApiClient.json(put).asJsonObject().getOrDefault("cron",
                JsonValue.NULL).getValueType());

        assertEquals(201, api.postJson("/api/users", "{\"username\":\"sched-viewer\",\"password\":"
                + "\"viewer-Passw0rd-2025\",\"role\":\"viewer\"}").statusCode());
        ApiClient viewer = new ApiClient(micro.baseUrl()).login("sched-viewer", "viewer-Passw0rd-2025");
        assertEquals(200, viewer.get("/api/schedules").statusCode());
        assertEquals(200, viewer.get("/api/schedules/" + id + "/runs").statusCode());
        assertEquals(403, viewer.postJson("/api/schedules/" + id + "/pause", "").statusCode());
        assertEquals(403, viewer.delete("/api/schedules/" + id).statusCode());
        assertEquals(403, viewer.postJson("/api/schedules", ok.replace("hourly", "other")).statusCode());
        assertEquals(401, new ApiClient(micro.baseUrl()).get("/api/schedules").statusCode());
        assertEquals(204, api.delete("/api/schedules/" + id).statusCode());
        assertEquals(404, api.delete("/api/schedules/" + id).statusCode());

        // The OpenAPI document (whole: its generator must not choke on the constraints) describes the resource.
        HttpResponse<String> openapi = new ApiClient(micro.rootUrl()).get("/openapi");
        assertEquals(200, openapi.statusCode(), openapi.body());
        assertTrue(openapi.body().contains("/api/schedules/{id}/runs:") && openapi.body().contains("Creates a schedule")
                && openapi.body().contains("/api/jobs/imports:") && openapi.body().contains("maxLength: 100"),
                openapi.body());

        // The console page lists schedules for every user.
        String page = viewer.get("/schedules.xhtml").body();
        assertTrue(page.contains("<h1>Schedules</h1>"), page);
        assertFalse(page.contains("New schedule"), "viewers get no form");
    }

    /**
     * Runs last: restarts the server. Schedules and claims survive; ticks missed while the server was down fire once
     * (not once per missed tick); a file imported before the restart is not imported again.
     */
    @Test
    @Order(4)
    void afterARestartMissedTicksFireOnceAndClaimedFilesStayClaimed() {
        ClickHouseQueries.run("CREATE TABLE " + DB + ".survivors (id UInt32, name String) ENGINE = MergeTree ORDER BY id");
        ClickHouseQueries.run("CREATE TABLE " + DB + ".heartbeat (k String) ENGINE = MergeTree ORDER BY k");
        ClickHouseQueries.run("INSERT INTO " + DB + ".heartbeat VALUES ('x')");
        drop("restart/r1.csv", 1, 40);
        long imports = create("{\"name\":\"survivor\",\"kind\":\"IMPORT\",\"interval\":\"PT5S\","
                + "\"filePattern\":\"restart/*.csv\",\"transfer\":{\"database\":\"" + DB + "\",\"table\":\"survivors\"}}");
        long beats = create("{\"name\":\"heartbeat\",\"kind\":\"EXPORT\",\"interval\":\"PT5S\","
                + "\"transfer\":{\"database\":\"" + DB + "\",\"table\":\"heartbeat\","
                + "\"output\":{\"fileName\":\"beat-{epoch}.csv\"}}}");
        awaitRuns(imports, r -> r.size() == 1 && r.get(0).getString("status").equals("COMPLETED"), Duration.ofMinutes(2));
        awaitRuns(beats, r -> r.size() >= 2, Duration.ofMinutes(1));

        Instant stopping = Instant.now();
        micro.stop();
        Instant stopped = Instant.now();
        ApiClient.sleep(12_000);
        long ms = micro.start();
        Instant clockStarted = clockStart(micro.log());
        System.out.printf("Restarted in %d ms; clock down for %d s%n", ms,
                Duration.between(stopped, clockStarted).toSeconds());
        api = ApiClient.asAdmin(micro.baseUrl());

        // Ticks due while down (several at PT5S): the heartbeat fired once for the tick it was waiting for, none
        // for the others, then went on with ticks after the restart.
        JsonArray runs = awaitRuns(beats, r -> r.stream().anyMatch(x -> Instant.parse(x.getString("fireTime"))
                .isAfter(clockStarted)), Duration.ofMinutes(1));
        List<Instant> ticks = runs.getValuesAs(JsonObject.class).stream()
                .map(x -> Instant.parse(x.getString("fireTime"))).toList();
        assertTrue(Duration.between(stopped, clockStarted).toSeconds() >= 15, "the downtime spans missed ticks");
        Instant lastBeforeStop = ticks.stream().filter(t -> !t.isAfter(stopped)).max(Instant::compareTo).orElseThrow();
        List<Instant> whileDown = ticks.stream().filter(t -> t.isAfter(lastBeforeStop) && t.isBefore(clockStarted))
                .toList();
        assertEquals(1, whileDown.size(), "one run for the ticks missed while down: " + runs);
        assertTrue(!whileDown.get(0).isAfter(stopped.plusSeconds(5)), "the tick it was waiting for: " + runs);
        System.out.printf("Heartbeat: last tick before the stop %s, one catch-up for %s, then %s%n", lastBeforeStop,
                whileDown.get(0), ticks.get(0));
        assertEquals(200, api.postJson("/api/schedules/" + beats + "/pause", "").statusCode());

        // The file imported before the restart stays imported once; a new one is picked up.
        drop("restart/r2.csv", 41, 50);
        awaitRuns(imports, r -> r.size() == 2 && r.stream().allMatch(x -> x.getString("status").equals("COMPLETED")),
                Duration.ofMinutes(2));
        assertEquals("50\t1275", table("SELECT count(), sum(id) FROM " + DB + ".survivors FORMAT TSV"));
        assertEquals(200, api.postJson("/api/schedules/" + imports + "/pause", "").statusCode());
    }

    /** When the schedules clock of the server's current log started. */
    private static Instant clockStart(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            String line = lines.filter(l -> l.contains("Schedules clock ticks every")).findFirst().orElseThrow();
            return java.time.OffsetDateTime.parse(line.substring(1, line.indexOf(']')),
                    java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
