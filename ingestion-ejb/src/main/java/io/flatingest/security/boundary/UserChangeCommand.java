package io.flatingest.security.boundary;

/**
 * Changes a user account; null fields stay as they are. Any change ends the user's current tokens.
 *
 * @param role     new role
 * @param enabled  whether the user may log in
 * @param password new password (an administrator's reset)
 */
public record UserChangeCommand(Role role, Boolean enabled, String password) {

    @Override
    public String toString() {
        return "UserChangeCommand[role=" + role + ", enabled=" + enabled + ", password="
                + (password == null ? "unchanged" : "new") + "]";
    }
}
