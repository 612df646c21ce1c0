package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Job history lives in the server-level H2 database of the data directory and survives a restart; so does the token
 * signing key generated into the data directory at the first start (a token issued before the restart still works).
 */
class JobHistorySurvivesRestartIT {

    @Test
    void executionsAndTheirMetricsAreStillThereAfterARestart() {
        Path data = TestEnvironment.itDirectory().resolve("history-restart");
        try (MicroServer micro = new MicroServer(data, TestEnvironment.freePort(), Map.of()).clean()) {
            long firstStart = micro.start();
            ApiClient api = ApiClient.asAdmin(micro.baseUrl());
            String token = api.token(TestSecurity.ADMIN, TestSecurity.adminPassword());
            long id = ApiClient.json(api.postJson("/api/jobs/self-check",
                    "{\"rows\":30,\"database\":\"history_it\",\"table\":\"t\"}")).asJsonObject()
                    .getJsonNumber("executionId").longValue();
            JsonObject before = api.await("/api/jobs/" + id,
                    j -> j.containsKey("end") && !j.getString("status").startsWith("START"), Duration.ofSeconds(60));
            assertEquals("COMPLETED", before.getString("status"), before.toString());

            micro.stop();
            long secondStart = micro.start();
            System.out.printf("Payara Micro start to ready: first %d ms, restart %d ms%n", firstStart, secondStart);

            JsonObject after = new ApiClient(micro.baseUrl()).withToken(token).getObject("/api/jobs/" + id);
            assertEquals(before.getString("status"), after.getString("status"));
            assertEquals(before.getString("start"), after.getString("start"));
            JsonObject metrics = after.getJsonArray("steps").getJsonObject(0).getJsonObject("metrics");
            assertEquals(30, metrics.getInt("READ_COUNT"));
            assertEquals(27, metrics.getInt("WRITE_COUNT"));
            assertEquals(3, metrics.getInt("FILTER_COUNT"));
        }
    }
}
