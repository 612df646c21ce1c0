package io.flatingest.security.faces;

import io.flatingest.common.ConflictException;
import io.flatingest.security.boundary.NewUserCommand;
import io.flatingest.security.boundary.Role;
import io.flatingest.security.boundary.Roles;
import io.flatingest.security.boundary.UserChangeCommand;
import io.flatingest.security.boundary.UserService;
import io.flatingest.security.boundary.UserView;
import io.flatingest.security.web.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The users page ({@code admin/users.xhtml}, administrators only by its URL and by {@link RequireRole}): list,
 * create, change role, enable or disable, delete. Calls the same {@link UserService} as the REST API.
 */
@Named
@RequestScoped
@RequireRole(Roles.ADMIN)
public class UserAdministration {

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    private List<UserView> list;
    private String newUsername;
    private String newPassword;
    private Role newRole = Role.VIEWER;

    /** Every user. */
    public List<UserView> getUsers() {
        if (list == null) {
            list = users.list();
        }
        return list;
    }

    /** The roles, for the selection lists. */
    public Role[] getRoles() {
        return Role.values();
    }

    /** Creates the user entered in the form. */
    public String create() {
        if (run("newUser", () -> users.create(new NewUserCommand(newUsername, newPassword, newRole),
                currentUser.actor()), "Created " + newUsername)) {
            newUsername = null;
            newRole = Role.VIEWER;
        }
        newPassword = null;
        return null;
    }

    /** Gives a user another role. */
    public String changeRole(String username, Role role) {
        run(null, () -> users.change(username, new UserChangeCommand(role, null, null), currentUser.actor()),
                username + " is now " + role.roleName());
        return null;
    }

    /** Enables or disables a user. */
    public String setEnabled(String username, boolean enabled) {
        run(null, () -> users.change(username, new UserChangeCommand(null, enabled, null), currentUser.actor()),
                username + (enabled ? " may log in again" : " can no longer log in"));
        return null;
    }

    /** Deletes a user. */
    public String delete(String username) {
        run(null, () -> users.delete(username, currentUser.actor()), "Deleted " + username);
        return null;
    }

    private boolean run(String field, Runnable action, String done) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            action.run();
            list = null;
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, null));
            return true;
        } catch (IllegalArgumentException | ConflictException | NoSuchElementException e) {
            // a creation error goes next to the field it is about
            String at = field == null ? null : e.getMessage().contains("password") ? "create:newPassword"
                    : "create:" + field;
            faces.addMessage(at, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return false;
        }
    }

    public String getNewUsername() {
        return newUsername;
    }

    public void setNewUsername(String newUsername) {
        this.newUsername = newUsername;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public Role getNewRole() {
        return newRole;
    }

    public void setNewRole(Role newRole) {
        this.newRole = newRole;
    }
}
