package io.flatingest.security.rest;

import io.flatingest.security.boundary.NewUserCommand;
import io.flatingest.security.boundary.Role;
import io.flatingest.security.boundary.Roles;
import io.flatingest.security.boundary.UserChangeCommand;
import io.flatingest.security.boundary.UserService;
import io.flatingest.security.boundary.UserView;
import io.flatingest.security.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/** User accounts: administrators only. Passwords go in, never out. */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class UsersResource {

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Context
    UriInfo uri;

    /** Every user. */
    @GET
    @RolesAllowed(Roles.ADMIN)
    public List<UserDto> list() {
        return users.list().stream().map(UserDto::of).toList();
    }

    /** One user. */
    @GET
    @Path("{username}")
    @RolesAllowed(Roles.ADMIN)
    public UserDto get(@PathParam("username") String username) {
        return users.find(username).map(UserDto::of)
                .orElseThrow(() -> new NoSuchElementException("No user named '" + username + "'"));
    }

    /** Creates a user: 201 with its location; 409 when the name is taken. */
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewUser body) {
        if (body == null) {
            throw new IllegalArgumentException("A JSON body with username, password and role is required");
        }
        UserView created = users.create(new NewUserCommand(body.username(), body.password(), Role.parse(body.role())),
                currentUser.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(created.username()).build())
                .entity(UserDto.of(created)).build();
    }

    /** Changes role, enabled flag and/or password; absent fields stay. */
    @PATCH
    @Path("{username}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public UserDto change(@PathParam("username") String username, UserChange body) {
        if (body == null) {
            throw new IllegalArgumentException("A JSON body with role, enabled and/or password is required");
        }
        return UserDto.of(users.change(username, new UserChangeCommand(
                body.role() == null ? null : Role.parse(body.role()), body.enabled(), body.password()),
                currentUser.actor()));
    }

    /** Deletes a user; 409 for the last enabled administrator. */
    @DELETE
    @Path("{username}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("username") String username) {
        users.delete(username, currentUser.actor());
        return Response.noContent().build();
    }

    /** A user as the API shows it. */
    public record UserDto(String username, String role, boolean enabled, Instant createdAt) {
        static UserDto of(UserView u) {
            return new UserDto(u.username(), u.role().roleName(), u.enabled(), u.createdAt());
        }
    }

    /** Body of a user creation. */
    public record NewUser(String username, String password, String role) {
        @Override
        public String toString() {
            return "NewUser[username=" + username + ", role=" + role + "]";
        }
    }

    /** Body of a user change. */
    public record UserChange(String role, Boolean enabled, String password) {
        @Override
        public String toString() {
            return "UserChange[role=" + role + ", enabled=" + enabled + "]";
        }
    }
}
