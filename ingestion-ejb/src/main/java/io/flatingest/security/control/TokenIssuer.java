package io.flatingest.security.control;

import io.flatingest.security.boundary.IssuedToken;
import io.flatingest.security.boundary.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds RS256 tokens that Payara's MicroProfile JWT accepts: header {@code alg}, {@code typ}, {@code kid}; claims
 * {@code iss}, {@code sub}, {@code upn}, {@code groups}, {@code iat}, {@code exp}, {@code jti}. Nothing secret goes
 * into a token. Plain JDK cryptography; no JWT library.
 */
@ApplicationScoped
public class TokenIssuer {

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "flatingest")
    String issuer;

    @Inject
    @ConfigProperty(name = "flatingest.security.token-lifetime", defaultValue = "PT15M")
    Duration lifetime;

    Clock clock = Clock.systemUTC();

    Supplier<SigningKeys.Keys> keys = SigningKeys::current;

    /** The lifetime of new tokens. */
    public Duration lifetime() {
        return lifetime;
    }

    /** A fresh token for the user and role. */
    public IssuedToken issue(String username, Role role) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(lifetime);
        SigningKeys.Keys signing = keys.get();
        JsonObject header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT")
                .add("kid", signing.keyId()).build();
        JsonObject claims = Json.createObjectBuilder()
                .add("iss", issuer)
                .add("sub", username)
                .add("upn", username)
                .add("groups", Json.createArrayBuilder(role.groups()))
                .add("iat", now.getEpochSecond())
                .add("exp", expires.getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build();
        return new IssuedToken(sign(header, claims, signing.privateKey()), username, role, now, expires);
    }

    /** Compact JWS of a header and claims, signed with SHA256withRSA. */
    static String sign(JsonObject header, JsonObject claims, PrivateKey key) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }
}
