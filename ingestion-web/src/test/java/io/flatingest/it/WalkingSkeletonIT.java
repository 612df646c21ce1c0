package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flatingest.infrastructure.clickhouse.ClickHouseClients;
import io.flatingest.transfer.boundary.ExecutionView;
import io.flatingest.transfer.boundary.SelfCheckCommand;
import io.flatingest.transfer.boundary.TransferService;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The plumbing end to end on Payara Micro (Arquillian): the self-contained WAR as built, the job boundary, the
 * batch runtime with its H2 repository, the shared ClickHouse client against the real server, REST and health.
 */
@ExtendWith(ArquillianExtension.class)
class WalkingSkeletonIT {

    @Inject
    TransferService transfers;

    @Inject
    ClickHouseClients clickHouse;

    @Deployment
    static WebArchive deployment() throws IOException {
        WebArchive built = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("flatingest.war")));
        WebArchive archive = ShrinkWrap.create(WebArchive.class, "flatingest.war").merge(built)
                .addClass(WalkingSkeletonIT.class);
        // Everything in the application needs a token; Arquillian's own test servlet must stay reachable.
        String webXml;
        try (InputStream in = archive.get("WEB-INF/web.xml").getAsset().openStream()) {
            webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        archive.delete("WEB-INF/web.xml");
        return archive.setWebXML(new StringAsset(webXml.replace("</web-app>", """
                    <security-constraint>
                        <web-resource-collection>
                            <web-resource-name>arquillian</web-resource-name>
                            <url-pattern>/ArquillianServletRunnerEE9</url-pattern>
                            <url-pattern>/ArquillianServletRunner</url-pattern>
                        </web-resource-collection>
                    </security-constraint>
                </web-app>""")));
    }

    @Test
    void selfCheckJobRunsThroughTheBoundaryAndReportsItsMetrics() throws InterruptedException {
        clickHouse.defaultGateway().execute("DROP TABLE IF EXISTS skeleton_it.numbers");
        long id = transfers.startSelfCheck(new SelfCheckCommand(1000, "skeleton_it", "numbers", 100));

        ExecutionView done = null;
        // The end time can be visible a moment before the final status (the job's afterJob listener still runs).
        for (int i = 0; i < 240 && (done == null || done.end() == null || done.status().startsWith("START")); i++) {
            Thread.sleep(250);
            done = transfers.execution(id).orElseThrow();
        }
        assertEquals("COMPLETED", done.status(), () -> "execution " + id + " ended as " + transfers.execution(id));
        Map<String, Long> metrics = done.steps().get(0).metrics();
        assertEquals(1000L, metrics.get("READ_COUNT"));
        assertEquals(100L, metrics.get("FILTER_COUNT"));
        assertEquals(900L, metrics.get("WRITE_COUNT"));
        assertEquals(11L, metrics.get("COMMIT_COUNT"), "10 full chunks and the final, empty one");
        assertEquals("900\t299998500", String.join("\t", clickHouse.defaultGateway()
                .queryRows("SELECT count(), sum(square) FROM skeleton_it.numbers", Map.of()).get(0)));
    }

    @Test
    @RunAsClient
    void restListsTablesWithEngineAndRowsThroughTheSharedClient() {
        ApiClient api = ApiClient.asAdmin(base());
        String db = "skeleton_rest_" + System.nanoTime();
        HttpResponse<String> started = api.postJson("/api/jobs/self-check",
                "{\"rows\":20,\"database\":\"" + db + "\",\"table\":\"t\"}");
        assertEquals(202, started.statusCode(), started.body());
        String location = started.headers().firstValue("Location").orElseThrow();
        long id = ApiClient.json(started).asJsonObject().getJsonNumber("executionId").longValue();
        assertTrue(location.endsWith("/api/jobs/" + id), location);
        JsonObject job = api.await("/api/jobs/" + id, j -> j.containsKey("end")
                && !j.getString("status").startsWith("START"), Duration.ofSeconds(60));
        assertEquals("COMPLETED", job.getString("status"), job.toString());

        JsonArray tables = ApiClient.json(api.get("/api/connections/default/databases/" + db + "/tables"))
                .asJsonArray();
        assertEquals(1, tables.size(), tables.toString());
        JsonObject t = tables.getJsonObject(0);
        assertEquals("t", t.getString("name"));
        assertEquals("MergeTree", t.getString("engine"));
        assertEquals(18, t.getJsonNumber("rows").longValue());
        JsonArray columns = ApiClient.json(api.get("/api/connections/default/databases/" + db + "/tables/t/columns"))
                .asJsonArray();
        assertEquals("n", columns.getJsonObject(0).getString("name"));
        assertEquals("UInt64", columns.getJsonObject(0).getString("type"));
    }

    @Test
    @RunAsClient
    void unknownTablesAndBadInputAnswerProblemJson() {
        ApiClient api = ApiClient.asAdmin(base());
        HttpResponse<String> missing = api.get("/api/connections/default/databases/default/tables/nope/columns");
        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElse(""));
        assertTrue(missing.body().contains("nope"), missing.body());
        HttpResponse<String> bad = api.postJson("/api/jobs/self-check", "{\"rows\":0,\"database\":\"d\",\"table\":\"t\"}");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("rows must be between"), bad.body());
    }

    @Test
    @RunAsClient
    void healthReportsClickHouseAndTheJobRepository() {
        JsonObject health = new ApiClient(root()).getObject("/health/ready");
        assertEquals("UP", health.getString("status"), health.toString());
        assertTrue(health.toString().contains("\"clickhouse\""), health.toString());
        assertTrue(health.toString().contains("\"job-repository\""), health.toString());
    }

    private static String root() {
        return "http://127.0.0.1:" + System.getProperty("it.arquillian.port");
    }

    private static String base() {
        return root() + "/flatingest";
    }
}
