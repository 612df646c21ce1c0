package io.flatingest.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Tokens made by the tests themselves: correct ones, and ones that are wrong in exactly one way. */
public final class TestTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private TestTokens() {
    }

    /** The claims the application itself would issue for this user and groups, valid for five minutes from now. */
    public static JsonObjectBuilder claims(String user, List<String> groups) {
        long now = Instant.now().getEpochSecond();
        return Json.createObjectBuilder().add("iss", "flatingest").add("sub", user).add("upn", user)
                .add("groups", Json.createArrayBuilder(groups)).add("iat", now).add("exp", now + 300)
                .add("jti", UUID.randomUUID().toString());
    }

    /** The standard RS256 header. */
    public static JsonObjectBuilder header(String alg) {
        return Json.createObjectBuilder().add("alg", alg).add("typ", "JWT");
    }

    /** An RS256 token signed with the key. */
    public static String rs256(JsonObject claims, PrivateKey key) {
        String input = part(header("RS256").build()) + "." + part(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HS256 token with the given bytes as the HMAC secret. */
    public static String hs256(JsonObject claims, byte[] secret) {
        String input = part(header("HS256").build()) + "." + part(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}, empty signature). */
    public static String unsigned(JsonObject claims) {
        return part(header("none").build()) + "." + part(claims) + ".";
    }

    /** The token with its payload replaced, signature kept. */
    public static String withPayload(String token, JsonObject claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + part(claims) + "." + parts[2];
    }

    /** The decoded payload of a token. */
    public static JsonObject payload(String token) {
        return decode(token.split("\\.")[1]);
    }

    /** The decoded header of a token. */
    public static JsonObject headerOf(String token) {
        return decode(token.split("\\.")[0]);
    }

    private static JsonObject decode(String part) {
        return Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8))).readObject();
    }

    private static String part(JsonObject json) {
        return B64.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
