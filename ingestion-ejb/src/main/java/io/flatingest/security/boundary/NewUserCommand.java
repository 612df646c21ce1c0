package io.flatingest.security.boundary;

import java.util.Objects;

/**
 * Creates a user account.
 *
 * @param username 1..64 letters, digits, {@code . _ @ -}; stored in lower case
 * @param password at least 12 characters
 * @param role     the role
 */
public record NewUserCommand(String username, String password, Role role) {

    public NewUserCommand {
        Objects.requireNonNull(role, "role is required (admin, operator or viewer)");
    }

    @Override
    public String toString() {
        return "NewUserCommand[username=" + username + ", role=" + role + "]";
    }
}
