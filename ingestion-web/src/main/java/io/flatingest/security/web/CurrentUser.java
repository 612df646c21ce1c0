package io.flatingest.security.web;

import io.flatingest.security.boundary.Actor;
import io.flatingest.security.boundary.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;

/**
 * The user of the current request, for REST resources and Faces pages alike: name, role, client address, and the
 * {@link Actor} the audit trail records. In pages: {@code #{currentUser.name}},
 * {@code rendered="#{currentUser.admin}"}.
 * Showing or hiding is not enforcing: pages are protected by URL (web.xml), resources by {@code @RolesAllowed}.
 */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext security;

    @Inject
    HttpServletRequest request;

    /** Whether someone is logged in. */
    public boolean isLoggedIn() {
        return principal().isPresent();
    }

    /** The user name, or null. */
    public String getName() {
        return principal().map(Principal::getName).orElse(null);
    }

    /** The user's role (the highest the token grants), if logged in. */
    public Optional<Role> role() {
        for (Role role : new Role[] {Role.ADMIN, Role.OPERATOR, Role.VIEWER}) {
            if (security.isCallerInRole(role.roleName())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The role's name, or null: for pages. */
    public String getRoleName() {
        return role().map(Role::roleName).orElse(null);
    }

    /** May manage users, connection profiles and everything else. */
    public boolean isAdmin() {
        return security.isCallerInRole(Role.ADMIN.roleName());
    }

    /** May upload, start, stop, restart and download (admins too). */
    public boolean isOperator() {
        return security.isCallerInRole(Role.OPERATOR.roleName());
    }

    /** May read jobs and reports (every user). */
    public boolean isViewer() {
        return security.isCallerInRole(Role.VIEWER.roleName());
    }

    /** The client's IP address as the server saw it. */
    public String address() {
        return request.getRemoteAddr();
    }

    /** Who acts, for the audit trail and the boundaries that record it. */
    public Actor actor() {
        return new Actor(getName(), address());
    }

    private Optional<Principal> principal() {
        return Optional.ofNullable(security.getCallerPrincipal());
    }
}
