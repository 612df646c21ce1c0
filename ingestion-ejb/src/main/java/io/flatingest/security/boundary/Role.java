package io.flatingest.security.boundary;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The role of a user account. Each role includes the ones below it. */
public enum Role {

    VIEWER(Roles.VIEWER),
    OPERATOR(Roles.OPERATOR, Roles.VIEWER),
    ADMIN(Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER);

    private final List<String> groups;

    Role(String... groups) {
        this.groups = List.of(groups);
    }

    /** The role's name as used in tokens and {@code @RolesAllowed}: {@code admin}, {@code operator}, {@code viewer}. */
    public String roleName() {
        return groups.get(0);
    }

    /** The token's {@code groups} claim for this role: the role and every role it includes. */
    public List<String> groups() {
        return groups;
    }

    /** The role whose groups are exactly these, if any. */
    public static Optional<Role> ofGroups(Set<String> groups) {
        for (Role role : values()) {
            if (Set.copyOf(role.groups).equals(groups)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** Parses {@code admin}, {@code operator} or {@code viewer} (any case). */
    public static Role parse(String name) {
        if (name != null) {
            for (Role role : values()) {
                if (role.roleName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("role must be admin, operator or viewer, got: " + name);
    }
}
