package io.flatingest.security.boundary;

import java.time.Instant;

/**
 * A user account as callers see it; the password hash never leaves the boundary.
 *
 * @param username  lower-case user name
 * @param role      admin, operator or viewer
 * @param enabled   whether the user may log in
 * @param createdAt when the account was created
 */
public record UserView(String username, Role role, boolean enabled, Instant createdAt) {
}
