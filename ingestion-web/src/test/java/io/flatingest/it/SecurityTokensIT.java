package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tokens: what the token endpoint issues, and every way a token can be wrong, each refused on its own. Each bad
 * token differs from a good one (made by {@link #good()}, accepted by {@link #aCorrectlyMadeTokenIsAccepted()}) in
 * exactly one respect, so a refusal is about that respect.
 */
@ExtendWith({SharedMicro.class, NoSecretsLeaked.class})
class SecurityTokensIT {

    private static final List<String> ADMIN_GROUPS = List.of("admin", "operator", "viewer");
    private static String base;

    @BeforeAll
    static void server(MicroServer micro) {
        base = micro.baseUrl();
    }

    @Test
    void theTokenEndpointIssuesAnRs256TokenWithTheMicroProfileClaimsAndNoSecrets() {
        HttpResponse<String> r = new ApiClient(base).postJson("/api/auth/token", Json.createObjectBuilder()
                .add("username", "ADMIN ").add("password", TestSecurity.adminPassword()).build().toString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse("").split(",")[0]);
        JsonObject body = ApiClient.json(r).asJsonObject();
        assertEquals("Bearer", body.getString("token_type"));
        assertEquals(900, body.getInt("expires_in"), "default lifetime PT15M");
        String token = body.getString("access_token");
        JsonObject header = TestTokens.headerOf(token);
        assertEquals("RS256", header.getString("alg"));
        assertEquals("JWT", header.getString("typ"));
        JsonObject claims = TestTokens.payload(token);
        assertEquals("flatingest", claims.getString("iss"));
        assertEquals("admin", claims.getString("upn"));
        assertEquals(Json.createArrayBuilder(ADMIN_GROUPS).build(), claims.getJsonArray("groups"));
        long iat = claims.getJsonNumber("iat").longValue();
        assertTrue(Math.abs(iat - Instant.now().getEpochSecond()) < 60, claims.toString());
        assertEquals(iat + 900, claims.getJsonNumber("exp").longValue());
        assertFalse(claims.getString("jti").isBlank());
        assertEquals(List.of("exp", "groups", "iat", "iss", "jti", "sub", "upn"),
                claims.keySet().stream().sorted().toList(), "nothing but the standard claims");
        assertEquals(200, new ApiClient(base).withToken(token).get("/api/auth/me").statusCode());
    }

    @Test
    void aCorrectlyMadeTokenIsAccepted() {
        HttpResponse<String> r = call(TestTokens.rs256(good().build(), TestSecurity.privateKey()));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("admin", ApiClient.json(r).asJsonObject().getString("username"));
    }

    @Test
    void noTokenIsRefused() {
        HttpResponse<String> r = new ApiClient(base).get("/api/users");
        assertRefused(r);
        assertEquals("Bearer realm=\"flatingest\"", r.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void anExpiredTokenIsRefused() {
        long now = Instant.now().getEpochSecond();
        assertRefused(call(TestTokens.rs256(good().add("iat", now - 7200).add("exp", now - 3600).build(),
                TestSecurity.privateKey())));
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        long now = Instant.now().getEpochSecond();
        assertRefused(call(TestTokens.rs256(good().add("nbf", now + 3600).add("exp", now + 7200).build(),
                TestSecurity.privateKey())));
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        long now = Instant.now().getEpochSecond();
        assertRefused(call(TestTokens.rs256(good().add("iat", now + 3600).add("exp", now + 7200).build(),
                TestSecurity.privateKey())));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertRefused(call(TestTokens.rs256(good().add("iss", "https://issuer.example").build(),
                TestSecurity.privateKey())));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        assertRefused(call(TestTokens.rs256(good().build(), generator.generateKeyPair().getPrivate())));
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() {
        assertRefused(call(TestTokens.unsigned(good().build())));
    }

    @Test
    void anHs256TokenSignedWithThePublicKeyAsSecretIsRefused() {
        byte[] der = TestSecurity.publicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
        assertRefused(call(TestTokens.hs256(good().build(), pem.getBytes(StandardCharsets.US_ASCII))));
        assertRefused(call(TestTokens.hs256(good().build(), der)));
    }

    @Test
    void aTokenWithATamperedPayloadIsRefused() {
        ApiClient admin = ApiClient.asAdmin(base);
        String viewer = "tamper-" + System.nanoTime();
        String password = TestSecurity.secret("Tamper-viewer-pw-" + System.nanoTime());
        assertEquals(201, admin.postJson("/api/users", user(viewer, password, "viewer")).statusCode());
        String token = new ApiClient(base).token(viewer, password);
        JsonObject promoted = Json.createObjectBuilder(TestTokens.payload(token))
                .add("groups", Json.createArrayBuilder(ADMIN_GROUPS)).build();

        HttpResponse<String> r = new ApiClient(base).withToken(TestTokens.withPayload(token, promoted))
                .get("/api/users");
        assertRefused(r);
        assertEquals(403, new ApiClient(base).withToken(token).get("/api/users").statusCode(),
                "the untampered token is a viewer's: known, but not allowed");
    }

    @Test
    void aTokenOfAUserWhoseRoleChangedIsRefused() {
        ApiClient admin = ApiClient.asAdmin(base);
        String name = "demoted-" + System.nanoTime();
        String password = TestSecurity.secret("Demoted-op-pw-" + System.nanoTime());
        assertEquals(201, admin.postJson("/api/users", user(name, password, "operator")).statusCode());
        String token = new ApiClient(base).token(name, password);
        assertEquals(200, new ApiClient(base).withToken(token).get("/api/auth/me").statusCode());

        assertEquals(200, admin.patchJson("/api/users/" + name, "{\"role\":\"viewer\"}").statusCode());
        assertRefused(new ApiClient(base).withToken(token).get("/api/auth/me"));
    }

    @Test
    void healthAndTheOpenApiDocumentStayOpenAndTheDocumentDeclaresTheBearerScheme(MicroServer micro) {
        ApiClient root = new ApiClient(micro.rootUrl());
        assertEquals(200, root.get("/health/ready").statusCode());
        HttpResponse<String> openApi = root.get("/openapi?format=JSON");
        assertEquals(200, openApi.statusCode());
        JsonObject scheme = ApiClient.json(openApi).asJsonObject().getJsonObject("components")
                .getJsonObject("securitySchemes").getJsonObject("jwt");
        assertEquals("http", scheme.getString("type"));
        assertEquals("bearer", scheme.getString("scheme"));
    }

    static String user(String name, String password, String role) {
        return Json.createObjectBuilder().add("username", name).add("password", password).add("role", role).build()
                .toString();
    }

    private static jakarta.json.JsonObjectBuilder good() {
        return TestTokens.claims("admin", ADMIN_GROUPS);
    }

    private static HttpResponse<String> call(String token) {
        return new ApiClient(base).withToken(token).get("/api/auth/me");
    }

    private static void assertRefused(HttpResponse<String> r) {
        assertEquals(401, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(401, ApiClient.json(r).asJsonObject().getInt("status"));
    }
}
