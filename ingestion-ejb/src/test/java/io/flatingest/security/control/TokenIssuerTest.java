package io.flatingest.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flatingest.security.boundary.IssuedToken;
import io.flatingest.security.boundary.Role;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenIssuerTest {

    @TempDir
    Path dir;

    @Test
    void tokensAreRs256WithTheMicroProfileClaimsAndAValidSignature() throws Exception {
        SigningKeys.Keys keys = SigningKeys.fromDataDirectory(dir);
        TokenIssuer issuer = new TokenIssuer();
        issuer.issuer = "flatingest";
        issuer.lifetime = Duration.ofMinutes(15);
        issuer.clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00.750Z"), ZoneOffset.UTC);
        issuer.keys = () -> keys;

        IssuedToken token = issuer.issue("ann", Role.OPERATOR);
        String[] parts = token.token().split("\\.");
        JsonObject header = json(parts[0]);
        JsonObject claims = json(parts[1]);
        assertEquals("RS256", header.getString("alg"));
        assertEquals("JWT", header.getString("typ"));
        assertEquals(keys.keyId(), header.getString("kid"));
        assertEquals("flatingest", claims.getString("iss"));
        assertEquals("ann", claims.getString("upn"));
        assertEquals("ann", claims.getString("sub"));
        assertEquals(Json.createArrayBuilder(List.of("operator", "viewer")).build(), claims.getJsonArray("groups"));
        assertEquals(Instant.parse("2026-11-26T10:00:00Z").getEpochSecond(), claims.getJsonNumber("iat").longValue());
        assertEquals(Instant.parse("2026-11-26T10:15:00Z").getEpochSecond(), claims.getJsonNumber("exp").longValue());
        assertEquals(36, claims.getString("jti").length());
        assertEquals(Instant.parse("2026-11-26T10:15:00Z"), token.expiresAt());

        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(keys.publicKey());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])));
        assertTrue(!token.toString().contains(parts[2]), "toString leaves the token out");
    }

    private static JsonObject json(String part) {
        return Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(part),
                StandardCharsets.UTF_8))).readObject();
    }
}
