package io.flatingest.security.boundary;

import java.time.Instant;

/**
 * A signed token (compact JWS) and what it says. The token is a credential: {@link #toString()} leaves it out.
 *
 * @param token     the compact serialization to send as {@code Authorization: Bearer …}
 * @param username  the {@code upn}
 * @param role      the role its {@code groups} claim grants
 * @param issuedAt  {@code iat}
 * @param expiresAt {@code exp}
 */
public record IssuedToken(String token, String username, Role role, Instant issuedAt, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[username=" + username + ", role=" + role + ", expiresAt=" + expiresAt + "]";
    }
}
