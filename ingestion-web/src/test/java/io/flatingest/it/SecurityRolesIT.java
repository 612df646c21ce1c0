package io.flatingest.it;

import static io.flatingest.it.SecurityTokensIT.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Roles on the REST API (viewer, operator, admin), user administration, login throttling, the audit trail, and
 * connection profiles whose passwords never come back.
 */
@ExtendWith({SharedMicro.class, NoSecretsLeaked.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityRolesIT {

    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000, 36);
    private static MicroServer micro;
    private static ApiClient admin;
    private static ApiClient operator;
    private static ApiClient viewer;

    @BeforeAll
    static void users(MicroServer server) {
        micro = server;
        admin = ApiClient.asAdmin(server.baseUrl());
        operator = create("op-" + RUN, "operator");
        viewer = create("viewer-" + RUN, "viewer");
    }

    private static ApiClient create(String name, String role) {
        String password = TestSecurity.secret("Pw-" + role + "-" + RUN + "-x9");
        HttpResponse<String> r = admin.postJson("/api/users", user(name, password, role));
        assertEquals(201, r.statusCode(), r.body());
        return new ApiClient(micro.baseUrl()).login(name, password);
    }

    @Test
    void aViewerCannotStartAJob() {
        HttpResponse<String> r = viewer.postJson("/api/jobs/self-check",
                "{\"rows\":10,\"database\":\"roles_it\",\"table\":\"viewer\"}");
        assertEquals(403, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(200, viewer.get("/api/auth/me").statusCode(), "but a viewer is a known user");
    }

    @Test
    void anOperatorStartsAJobAndTheAuditTrailSaysWhoAndFromWhere() {
        HttpResponse<String> r = operator.postJson("/api/jobs/self-check",
                "{\"rows\":10,\"database\":\"roles_it\",\"table\":\"op_" + RUN + "\"}");
        assertEquals(202, r.statusCode(), r.body());
        long id = ApiClient.json(r).asJsonObject().getJsonNumber("executionId").longValue();
        assertEquals(200, viewer.get("/api/jobs/" + id).statusCode(), "viewers read jobs");

        JsonArray events = admin.getArray("/api/audit?action=JOB_STARTED&actor=op-" + RUN);
        assertEquals(1, events.size(), events.toString());
        JsonObject event = events.getJsonObject(0);
        assertEquals("execution " + id, event.getString("target"));
        assertEquals("127.0.0.1", event.getString("address"));
        assertFalse(event.getString("at").isBlank());
    }

    @Test
    void anOperatorCannotManageUsers() {
        assertEquals(403, operator.get("/api/users").statusCode());
        assertEquals(403, operator.postJson("/api/users", user("intruder-" + RUN, "Intruder-pw-123", "admin"))
                .statusCode());
        assertEquals(403, operator.patchJson("/api/users/op-" + RUN, "{\"role\":\"admin\"}").statusCode());
        assertEquals(403, operator.delete("/api/users/admin").statusCode());
        assertEquals(403, operator.get("/api/audit").statusCode());
        assertEquals(404, admin.get("/api/users/intruder-" + RUN).statusCode(), "nothing was created");
    }

    @Test
    void administratorsManageUsersButNeverRemoveTheLastAdministrator() {
        String name = "temp-" + RUN;
        String password = TestSecurity.secret("Temp-user-pw-" + RUN);
        assertEquals(201, admin.postJson("/api/users", user(name, password, "viewer")).statusCode());
        assertEquals(409, admin.postJson("/api/users", user(name, password, "viewer")).statusCode());
        assertEquals(400, admin.postJson("/api/users", user("short-" + RUN, "short", "viewer")).statusCode());
        JsonObject changed = ApiClient.json(admin.patchJson("/api/users/" + name,
                "{\"role\":\"operator\",\"enabled\":false}")).asJsonObject();
        assertEquals("operator", changed.getString("role"));
        assertFalse(changed.getBoolean("enabled"));
        assertEquals(401, new ApiClient(micro.baseUrl()).postJson("/api/auth/token",
                Json.createObjectBuilder().add("username", name).add("password", password).build().toString())
                .statusCode(), "a disabled user cannot log in");
        assertEquals(204, admin.delete("/api/users/" + name).statusCode());

        assertEquals(409, admin.patchJson("/api/users/admin", "{\"role\":\"viewer\"}").statusCode());
        assertEquals(409, admin.delete("/api/users/admin").statusCode());
        JsonArray trail = admin.getArray("/api/audit?target=" + name);
        assertTrue(trail.toString().contains("USER_CREATED") && trail.toString().contains("USER_ROLE_CHANGED")
                && trail.toString().contains("USER_DISABLED") && trail.toString().contains("USER_DELETED"),
                trail.toString());
    }

    @Test
    void failedLoginsAreThrottledPerUserAndAddressAndAudited() {
        String name = "throttled-" + RUN;
        String password = TestSecurity.secret("Throttled-pw-" + RUN);
        assertEquals(201, admin.postJson("/api/users", user(name, password, "viewer")).statusCode());
        ApiClient anonymous = new ApiClient(micro.baseUrl());
        for (int i = 1; i <= 5; i++) {
            String wrong = TestSecurity.secret("Wrong-guess-" + i + "-" + RUN);
            assertEquals(401, anonymous.postJson("/api/auth/token", credentials(name, wrong)).statusCode());
        }
        HttpResponse<String> refused = anonymous.postJson("/api/auth/token", credentials(name, password));
        assertEquals(429, refused.statusCode(), "even the right password waits: " + refused.body());
        assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElse("0")) > 0);

        JsonArray failures = admin.getArray("/api/audit?action=LOGIN_FAILED&actor=" + name);
        assertEquals(5, failures.size(), failures.toString());
        assertEquals("127.0.0.1", failures.getJsonObject(0).getString("address"));
        assertEquals(1, admin.getArray("/api/audit?action=LOGIN_THROTTLED&actor=" + name).size());
        assertEquals(200, operator.get("/api/auth/me").statusCode(), "other users are not affected");
    }

    @Test
    void connectionProfilesKeepTheirPasswordsAndOnlyAdministratorsChangeThem() {
        URI clickHouse = URI.create(TestEnvironment.clickHouseUrl());
        String open = "it-open-" + RUN;
        HttpResponse<String> created = admin.putJson("/api/connections/" + open, profile(clickHouse, ""));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject check = ApiClient.json(admin.postJson("/api/connections/" + open + "/check", "")).asJsonObject();
        assertTrue(check.getBoolean("reachable"), check.toString());
        assertTrue(ApiClient.json(operator.get("/api/connections/" + open + "/databases")).toString()
                .contains("system"), "the catalog resolves the profile");

        String guarded = "it-secret-" + RUN;
        String password = TestSecurity.secret("Ch-profile-pw-" + RUN);
        assertEquals(201, admin.putJson("/api/connections/" + guarded, profile(clickHouse, password)).statusCode());
        JsonObject shown = admin.getObject("/api/connections/" + guarded);
        assertTrue(shown.getBoolean("passwordSet"));
        assertFalse(shown.containsKey("password"), shown.toString());
        JsonObject refused = ApiClient.json(admin.postJson("/api/connections/" + guarded + "/check", ""))
                .asJsonObject();
        assertFalse(refused.getBoolean("reachable"), "the password was sent (the test server's user has none): "
                + refused);
        assertEquals(200, admin.putJson("/api/connections/" + guarded, profile(clickHouse, null)).statusCode());
        assertTrue(admin.getObject("/api/connections/" + guarded).getBoolean("passwordSet"), "kept when omitted");

        assertEquals(200, operator.get("/api/connections").statusCode(), "operators choose among profiles");
        assertEquals(403, operator.putJson("/api/connections/op-" + RUN, profile(clickHouse, "")).statusCode());
        assertEquals(403, operator.delete("/api/connections/" + guarded).statusCode());
        assertEquals(403, viewer.get("/api/connections").statusCode());
        assertEquals(409, admin.putJson("/api/connections/default", profile(clickHouse, "")).statusCode());
        assertEquals(204, admin.delete("/api/connections/" + guarded).statusCode());
        assertEquals(404, admin.get("/api/connections/" + guarded).statusCode());
        JsonArray trail = admin.getArray("/api/audit?target=" + guarded);
        assertEquals(3, trail.size(), "created, updated, deleted: " + trail);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void passwordsAndSecretsNeverAppearInAnyResponseOrLogLine() {
        NoSecretsLeaked.assertNoneIn(micro);
    }

    private static String credentials(String name, String password) {
        return Json.createObjectBuilder().add("username", name).add("password", password).build().toString();
    }

    private static String profile(URI server, String password) {
        var body = Json.createObjectBuilder().add("host", server.getHost()).add("port", server.getPort())
                .add("database", "default").add("user", "default").add("tls", false);
        if (password != null) {
            body.add("password", password);
        }
        return body.build().toString();
    }
}
