package io.flatingest.security.boundary;

/**
 * Role names as compile-time constants, for {@code @RolesAllowed} and {@code @DeclareRoles}. Roles are nested:
 * every admin is also an operator and a viewer (see {@link Role#groups()}), so an annotation names the least role
 * that may call.
 */
public final class Roles {

    /** Users, connection profiles, the audit trail and everything operators may do. */
    public static final String ADMIN = "admin";
    /** Upload, start, stop, restart, download, and everything viewers may do. */
    public static final String OPERATOR = "operator";
    /** Read jobs and reports. */
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
