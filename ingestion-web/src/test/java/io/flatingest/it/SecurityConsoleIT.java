package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's side of the mechanism, as a browser without JavaScript meets it: redirects to the login page, the
 * login form, the token cookie's attributes, logout, expired cookies, cross-site posts, admin pages.
 */
@ExtendWith({SharedMicro.class, NoSecretsLeaked.class})
class SecurityConsoleIT {

    private static String base;
    private static String origin;

    @BeforeAll
    static void server(MicroServer micro) {
        base = micro.baseUrl();
        URI uri = URI.create(base);
        origin = uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    @Test
    void aConsolePageWithoutCookieRedirectsToTheLoginPage() {
        HttpResponse<String> r = browser().get("/index.xhtml?tab=jobs");
        assertEquals(302, r.statusCode(), "not an empty page: " + r.body());
        assertEquals(base + "/login.xhtml?next=%2Findex.xhtml%3Ftab%3Djobs", location(r));
        HttpResponse<String> root = browser().get("/");
        assertEquals(302, root.statusCode());
        assertTrue(location(root).startsWith(base + "/login.xhtml"), location(root));
    }

    @Test
    void aFacesAjaxRequestWithoutCookieIsToldToRedirect() {
        HttpResponse<String> r = browser().send("POST", "/index.xhtml", "", "Faces-Request", "partial/ajax");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<redirect url=\"/flatingest/login.xhtml?next=%2Findex.xhtml\">"), r.body());
    }

    @Test
    void theLoginFormWorksWithoutJavaScriptAndSetsAStrictHttpOnlyCookie() {
        HttpResponse<String> page = browser().get("/login.xhtml?next=/index.xhtml");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<label for=\"login:username\">User name</label>"), page.body());
        assertTrue(page.body().contains("<label for=\"login:password\">Password</label>"), page.body());
        assertFalse(page.body().contains("<script"), "no JavaScript needed");

        HttpResponse<String> r = login(TestSecurity.ADMIN, TestSecurity.adminPassword(), "/index.xhtml");
        assertEquals(302, r.statusCode(), r.body());
        assertEquals(base + "/index.xhtml", location(r));
        String cookie = tokenCookieHeader(r).orElseThrow(() -> new AssertionError("no token cookie: " + r.headers()));
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=strict"), cookie);
        assertTrue(cookie.contains("Path=/flatingest"), cookie);
        assertTrue(cookie.contains("Max-Age=") && !cookie.contains("Max-Age=0;"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP here; Secure is set under HTTPS");

        HttpResponse<String> dashboard = browser().get("/index.xhtml", "Cookie", cookie(r));
        assertEquals(200, dashboard.statusCode());
        assertTrue(dashboard.body().contains("<h1>Dashboard</h1>"), dashboard.body());
        assertTrue(dashboard.body().contains("admin (admin)"), dashboard.body());
        assertEquals(200, browser().get("/api/auth/me", "Cookie", cookie(r)).statusCode(), "REST accepts it too");
    }

    @Test
    void aWrongPasswordIsReportedNextToThePasswordField() {
        HttpResponse<String> r = login(TestSecurity.ADMIN, TestSecurity.secret("Not-the-admin-pw-1"), "/");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().matches("(?s).*id=\"login:password\"[^>]*/><span class=\"error\">Wrong user name or"
                + " password</span>.*"), r.body());
        assertTrue(tokenCookieHeader(r).isEmpty());
        HttpResponse<String> empty = login("", "", "/");
        assertTrue(empty.body().contains("Enter your user name.") && empty.body().contains("Enter your password."),
                empty.body());
    }

    @Test
    void logoutClearsTheCookie() {
        String cookie = cookie(login(TestSecurity.ADMIN, TestSecurity.adminPassword(), "/"));
        HttpResponse<String> r = browser().postForm("/logout", Map.of(), "Cookie", cookie, "Origin", origin);
        assertEquals(302, r.statusCode(), r.body());
        assertEquals(base + "/login.xhtml?loggedOut=true", location(r));
        assertTrue(tokenCookieHeader(r).orElseThrow().contains("Max-Age=0"), r.headers().toString());
    }

    @Test
    void anExpiredCookieSendsTheBrowserBackToTheLoginPage() {
        long now = Instant.now().getEpochSecond();
        String expired = TestTokens.rs256(TestTokens.claims("admin", List.of("admin", "operator", "viewer"))
                .add("iat", now - 1000).add("exp", now - 100).build(), TestSecurity.privateKey());
        HttpResponse<String> r = browser().get("/index.xhtml", "Cookie", "flatingest_token=" + expired);
        assertEquals(302, r.statusCode());
        assertEquals(base + "/login.xhtml?next=%2Findex.xhtml&expired=true", location(r));
        assertTrue(tokenCookieHeader(r).orElseThrow().contains("Max-Age=0"), "and the dead cookie is removed");
        assertTrue(browser().get("/login.xhtml?expired=true").body().contains("Please log in again"));
    }

    @Test
    void anActiveConsoleUserGetsAFreshCookieOnceHalfTheTokenLifetimeHasPassed() throws InterruptedException {
        String name = "renewed-" + System.nanoTime();
        assertEquals(201, ApiClient.asAdmin(base).postJson("/api/users", SecurityTokensIT.user(name,
                TestSecurity.secret("Renewed-user-pw-" + name), "viewer")).statusCode());
        // A token 10 s long, used in its 7th second: past half its lifetime (the server counts whole seconds).
        long iat = Instant.now().getEpochSecond() + 1;
        Thread.sleep(Math.max(0, Instant.ofEpochSecond(iat + 6).toEpochMilli() - System.currentTimeMillis()) + 200);
        String shortLived = TestTokens.rs256(TestTokens.claims(name, List.of("viewer")).add("iat", iat)
                .add("exp", iat + 10).build(), TestSecurity.privateKey());

        HttpResponse<String> r = browser().get("/index.xhtml", "Cookie", "flatingest_token=" + shortLived);
        assertEquals(200, r.statusCode());
        String renewed = tokenCookieHeader(r).orElseThrow(() -> new AssertionError("not renewed: " + r.headers()));
        assertTrue(renewed.contains("SameSite=Strict") && renewed.contains("HttpOnly"), renewed);
        long exp = TestTokens.payload(cookie(r).substring("flatingest_token=".length())).getJsonNumber("exp")
                .longValue();
        assertTrue(exp > iat + 600, "a full lifetime from now");
    }

    @Test
    void aCrossSitePostWithTheCookieIsRefused() {
        String cookie = cookie(login(TestSecurity.ADMIN, TestSecurity.adminPassword(), "/"));
        String job = "{\"rows\":10,\"database\":\"csrf_it\",\"table\":\"t\"}";
        HttpResponse<String> forged = browser().send("POST", "/api/jobs/self-check", job, "Cookie", cookie,
                "Origin", "https://attacker.example", "Content-Type", "application/json");
        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(forged.body().contains("Cross-site request refused"), forged.body());
        HttpResponse<String> noOrigin = browser().send("POST", "/api/jobs/self-check", job, "Cookie", cookie,
                "Content-Type", "application/json");
        assertEquals(403, noOrigin.statusCode(), "without Origin or Referer a cookie is not enough");
        HttpResponse<String> sameSite = browser().send("POST", "/api/jobs/self-check", job, "Cookie", cookie,
                "Origin", origin, "Content-Type", "application/json");
        assertEquals(202, sameSite.statusCode(), sameSite.body());
    }

    @Test
    void administrationPagesAreForbiddenToOtherRoles() {
        String name = "console-viewer-" + System.nanoTime();
        String password = TestSecurity.secret("Console-viewer-pw-" + System.nanoTime());
        assertEquals(201, ApiClient.asAdmin(base).postJson("/api/users", SecurityTokensIT.user(name, password,
                "viewer")).statusCode());
        HttpResponse<String> r = browser().get("/admin/users.xhtml", "Cookie", cookie(login(name, password, "/")));
        assertEquals(403, r.statusCode());
    }

    @Test
    void administratorsManageUsersAndReadTheAuditTrailInTheConsole() {
        String token = cookie(login(TestSecurity.ADMIN, TestSecurity.adminPassword(), "/"));
        HttpResponse<String> page = browser().get("/admin/users.xhtml", "Cookie", token);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("<label for=\"create:newUser\">User name</label>"), page.body());
        String session = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        Matcher viewState = Pattern.compile("id=\"[^\"]*create[^\"]*ViewState[^\"]*\" value=\"([^\"]+)\"|"
                + "name=\"jakarta.faces.ViewState\" id=\"[^\"]+\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(viewState.find(), page.body());
        String state = viewState.group(1) != null ? viewState.group(1) : viewState.group(2);

        String name = "console-made-" + System.nanoTime();
        HttpResponse<String> created = browser().postForm("/admin/users.xhtml", Map.of("create", "create",
                "create:newUser", name, "create:newPassword", TestSecurity.secret("Console-made-pw-" + name),
                "create:newRole", "OPERATOR", "create:submit", "Create", "jakarta.faces.ViewState", state),
                "Cookie", token + "; " + session, "Origin", origin);
        assertEquals(200, created.statusCode(), created.body());
        assertTrue(created.body().contains("Created " + name), created.body());
        assertEquals("operator", ApiClient.asAdmin(base).getObject("/api/users/" + name).getString("role"));

        HttpResponse<String> audit = browser().get("/admin/audit.xhtml?action=USER_CREATED&target=" + name,
                "Cookie", token);
        assertEquals(200, audit.statusCode());
        assertTrue(audit.body().contains("<td>USER_CREATED</td>") && audit.body().contains(name), audit.body());
    }

    private static ApiClient browser() {
        return new ApiClient(base);
    }

    private static HttpResponse<String> login(String username, String password, String next) {
        return browser().postForm("/login.xhtml", Map.of("login", "login", "login:next", next,
                "login:username", username, "login:password", password, "login:submit", "Log in",
                "jakarta.faces.ViewState", "stateless"), "Origin", origin);
    }

    private static Optional<String> tokenCookieHeader(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("flatingest_token=")).findFirst();
    }

    private static String cookie(HttpResponse<String> r) {
        return tokenCookieHeader(r).map(c -> c.substring(0, c.indexOf(';'))).orElseThrow();
    }

    private static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElse("");
    }
}
