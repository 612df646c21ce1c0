package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micros sharing one real PostgreSQL database (job repository, schedules and claims), both ticking: a
 * schedule firing every 5 s runs each tick exactly once between them — one run and one exported file per tick, none
 * twice — and both servers take part.
 */
class SchedulesClusterIT {

    private static final String DB = "schedules_cluster_it";

    private static List<String> exports(MicroServer micro) throws IOException {
        Path dir = micro.dataDirectory().resolve("exports");
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tick-")).toList();
        }
    }

    @Test
    void twoServersFireEachTickOnce() throws Exception {
        PostgresDatabase database = PostgresServer.shared().createDatabase("schedules_cluster");
        ClickHouseQueries.run("DROP DATABASE IF EXISTS " + DB);
        ClickHouseQueries.run("CREATE DATABASE " + DB);
        ClickHouseQueries.run("CREATE TABLE " + DB + ".t (k String) ENGINE = MergeTree ORDER BY k");
        ClickHouseQueries.run("INSERT INTO " + DB + ".t VALUES ('x')");
        // Clocks of 2 s and 3 s: over 30 s every pairing of their phases against the 5 s ticks occurs, so each
        // server is the first to see some tick (with equal periods one server may win every race).
        Path it = TestEnvironment.itDirectory();
        try (MicroServer a = new MicroServer(it.resolve("cluster-a"), TestEnvironment.freePort(),
                Map.of("FLATINGEST_SCHEDULES_TICK_SECONDS", "2", "FLATINGEST_SCHEDULES_MIN_INTERVAL", "PT5S"))
                .onPostgres(database).clean();
             MicroServer b = new MicroServer(it.resolve("cluster-b"), TestEnvironment.freePort(),
                Map.of("FLATINGEST_SCHEDULES_TICK_SECONDS", "3", "FLATINGEST_SCHEDULES_MIN_INTERVAL", "PT5S"))
                .onPostgres(database).clean()) {
            // One after the other: the first creates the tables.
            System.out.printf("Cluster servers ready in %d ms and %d ms%n", a.start(), b.start());
            ApiClient apiA = ApiClient.asAdmin(a.baseUrl());
            ApiClient apiB = ApiClient.asAdmin(b.baseUrl());
            HttpResponse<String> created = apiA.postJson("/api/schedules", "{\"name\":\"cluster tick\","
                    + "\"kind\":\"EXPORT\",\"interval\":\"PT5S\",\"transfer\":{\"database\":\"" + DB
                    + "\",\"table\":\"t\",\"output\":{\"fileName\":\"tick-{epoch}.csv\"}}}");
            assertEquals(201, created.statusCode(), created.body());
            long id = ApiClient.json(created).asJsonObject().getJsonNumber("id").longValue();

            ApiClient.sleep(60_000);
            assertEquals(200, apiB.postJson("/api/schedules/" + id + "/pause", "").statusCode(),
                    "server B sees and changes the schedule A created");
            ApiClient.sleep(8_000); // let the last runs finish

            JsonArray runs = apiA.getArray("/api/schedules/" + id + "/runs?limit=100");
            List<String> ticks = runs.getValuesAs(JsonObject.class).stream().map(r -> r.getString("fireTime")).toList();
            assertEquals(ticks.size(), new HashSet<>(ticks).size(), "a tick ran twice: " + runs);
            assertTrue(ticks.size() >= 8, "ticks in 60 s at PT5S: " + runs);
            assertTrue(runs.getValuesAs(JsonObject.class).stream().allMatch(r -> r.containsKey("executionId")
                    && r.getString("status").equals("COMPLETED")), runs.toString());

            List<String> filesA = exports(a);
            List<String> filesB = exports(b);
            Set<String> all = new HashSet<>(filesA);
            all.addAll(filesB);
            System.out.printf("%d ticks fired once each: %d by server A, %d by server B%n", ticks.size(),
                    filesA.size(), filesB.size());
            assertEquals(filesA.size() + filesB.size(), all.size(), "the same tick exported on both servers");
            assertEquals(ticks.size(), all.size(), "one exported file per tick: A " + filesA + ", B " + filesB);
            assertTrue(!filesA.isEmpty() && !filesB.isEmpty(), "both servers fire ticks (each sees the other's"
                    + " claims and next runs): A " + filesA + ", B " + filesB);
        }
    }
}
