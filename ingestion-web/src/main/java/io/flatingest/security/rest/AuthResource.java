package io.flatingest.security.rest;

import io.flatingest.web.IngestionApplication;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.flatingest.security.boundary.Authentication;
import io.flatingest.security.boundary.IssuedToken;
import io.flatingest.security.boundary.Roles;
import io.flatingest.security.boundary.UserService;
import io.flatingest.security.web.CurrentUser;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

/** Tokens for user name and password; who the caller is; changing one's own password. */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "auth", description = "Tokens and the caller's own account")
public class AuthResource {

    @Inject
    Authentication authentication;

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Inject
    JsonWebToken jwt;

    /**
     * Exchanges user name and password (JSON) for a signed token. 401 for wrong credentials, 429 with
     * {@code Retry-After} after too many failures.
     */
    @POST
    @Path("token")
    @PermitAll
    @SecurityRequirementsSet
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get a token (JSON)",
            description = "Exchanges user name and password for a signed JWT to send as Authorization: Bearer.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Credentials.class),
            examples = @ExampleObject(name = "example", value = "{\"username\":\"admin\","
                    + "\"password\":\"the-password\"}")))
    @APIResponse(responseCode = "200", description = "The "
            + "token", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(type = SchemaType.OBJECT, properties = {
                        @SchemaProperty(name = "access_token", type = SchemaType.STRING, description = "the JWT"),
                        @SchemaProperty(name = "token_type", type = SchemaType.STRING, example = "Bearer"),
                        @SchemaProperty(name = "expires_in", type = SchemaType.INTEGER, description = "seconds"),
                        @SchemaProperty(name = "expires_at", type = SchemaType.STRING, format = "date-time"),
                        @SchemaProperty(name = "username", type = SchemaType.STRING),
                        @SchemaProperty(name = "role", type = SchemaType.STRING, example = "operator")}),
                examples = @ExampleObject(name = "example", value = "{\"access_token\":\"eyJ...\","
                        + "\"token_type\":\"Bearer\",\"expires_in\":900}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response token(Credentials credentials) {
        if (credentials == null) {
            throw new IllegalArgumentException("A JSON body with username and password is required");
        }
        return issue(credentials.username(), credentials.password());
    }

    /** The same for an HTML form or {@code curl -d username=… -d password=…}. */
    @POST
    @Path("token")
    @PermitAll
    @SecurityRequirementsSet
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Get a token (form)",
            description = "The same for an HTML form or curl -d username=... -d password=...")
    @APIResponse(responseCode = "200", description = "The "
            + "token", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(type = SchemaType.OBJECT, properties = {
                        @SchemaProperty(name = "access_token", type = SchemaType.STRING, description = "the JWT"),
                        @SchemaProperty(name = "token_type", type = SchemaType.STRING, example = "Bearer"),
                        @SchemaProperty(name = "expires_in", type = SchemaType.INTEGER, description = "seconds"),
                        @SchemaProperty(name = "expires_at", type = SchemaType.STRING, format = "date-time"),
                        @SchemaProperty(name = "username", type = SchemaType.STRING),
                        @SchemaProperty(name = "role", type = SchemaType.STRING, example = "operator")})))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response tokenFromForm(@FormParam("username") String username, @FormParam("password") String password) {
        return issue(username, password);
    }

    /** The caller: user name, role, groups and when the token expires. */
    @GET
    @Path("me")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Who am I",
            description = "User name, role, groups and when the token expires.")
    @APIResponse(responseCode = "200", description = "The "
            + "caller", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = Me.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Me me() {
        return new Me(jwt.getName(), currentUser.getRoleName(), jwt.getGroups(),
                Instant.ofEpochSecond(jwt.getExpirationTime()));
    }

    /** Changes the caller's own password (the current one is required); ends the caller's tokens. */
    @POST
    @Path("password")
    @RolesAllowed(Roles.VIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the own password",
            description = "The current password is required; the caller's tokens end.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PasswordChange.class),
            examples = @ExampleObject(name = "example", value = "{\"currentPassword\":\"old-password-1\","
                    + "\"newPassword\":\"a-new-long-password-2\"}")))
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Response changePassword(PasswordChange change) {
        if (change == null) {
            throw new IllegalArgumentException("A JSON body with currentPassword and newPassword is required");
        }
        users.changeOwnPassword(currentUser.getName(), change.currentPassword(), change.newPassword(),
                currentUser.actor());
        return Response.noContent().build();
    }

    private Response issue(String username, String password) {
        IssuedToken token = authentication.login(username, password, currentUser.address());
        long seconds = Duration.between(token.issuedAt(), token.expiresAt()).toSeconds();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new TokenResponse(token.token(), "Bearer", seconds, token.expiresAt(), token.username(),
                token.role().roleName())).cacheControl(noStore).build();
    }

    /** Body of a token request. */
    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + "]";
        }
    }

    /** A token in the shape OAuth 2 clients expect, plus who it is for. */
    public record TokenResponse(@JsonbProperty("access_token") String accessToken,
                                @JsonbProperty("token_type") String tokenType,
                                @JsonbProperty("expires_in") long expiresIn,
                                @JsonbProperty("expires_at") Instant expiresAt,
                                String username, String role) {
        @Override
        public String toString() {
            return "TokenResponse[username=" + username + ", role=" + role + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** The caller. */
    public record Me(String username, String role, Set<String> groups, Instant tokenExpiresAt) {
    }

    /** Body of a password change. */
    public record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[]";
        }
    }
}
