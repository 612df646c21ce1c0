package io.flatingest.security.rest;

import io.flatingest.web.IngestionApplication;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
@Tag(name = "users", description = "Users and their roles (administrators)")
@SecurityRequirement(name = IngestionApplication.JWT)
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
    @Operation(summary = "List users")
    @APIResponse(responseCode = "200", description = "The "
            + "users", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(type = SchemaType.ARRAY, implementation = UserDto.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<UserDto> list() {
        return users.list().stream().map(UserDto::of).toList();
    }

    /** One user. */
    @GET
    @Path("{username}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "One user")
    @APIResponse(responseCode = "200", description = "The "
            + "user", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = UserDto.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public UserDto get(@PathParam("username") String username) {
        return users.find(username).map(UserDto::of)
                .orElseThrow(() -> new NoSuchElementException("No user named '" + username + "'"));
    }

    /** Creates a user: 201 with its location; 409 when the name is taken. */
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user",
            description = "Roles: viewer, operator, admin. Passwords have at least 12 characters.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NewUser.class),
            examples = @ExampleObject(name = "example", value = "{\"username\":\"ana\","
                    + "\"password\":\"a-long-password-1\",\"role\":\"operator\"}")))
    @APIResponse(responseCode = "201", description = "Created; Location names the "
            + "user", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = UserDto.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
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
    @Operation(summary = "Change a user's role, enabled flag or password",
            description = "Fields left out stay; the user's tokens end.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UserChange.class),
            examples = @ExampleObject(name = "example", value = "{\"role\":\"viewer\",\"enabled\":true}")))
    @APIResponse(responseCode = "200", description = "The changed "
            + "user", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = UserDto.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
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
    @Operation(summary = "Delete a user")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
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
