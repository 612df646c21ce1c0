package io.flatingest.connection.rest;

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
import io.flatingest.connection.boundary.ConnectionCheck;
import io.flatingest.connection.boundary.ConnectionProfiles;
import io.flatingest.connection.boundary.ConnectionView;
import io.flatingest.connection.boundary.SaveConnectionCommand;
import io.flatingest.security.boundary.Roles;
import io.flatingest.security.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * ClickHouse connection profiles. Operators may list them (to choose one for a transfer); only administrators
 * create, change, delete and check them. Passwords are accepted, never returned.
 */
@Path("connections")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "connections", description = "ClickHouse connection profiles")
@SecurityRequirement(name = IngestionApplication.JWT)
public class ConnectionsResource {

    @Inject
    ConnectionProfiles profiles;

    @Inject
    CurrentUser currentUser;

    /** Every profile, {@code default} first. */
    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "List connection profiles",
            description = "The built-in read-only profile default first; passwords never come back.")
    @APIResponse(responseCode = "200", description = "The "
            + "profiles", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(type = SchemaType.ARRAY, implementation = ConnectionView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<ConnectionView> list() {
        return profiles.list();
    }

    /** One profile. */
    @GET
    @Path("{name}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "One connection profile")
    @APIResponse(responseCode = "200", description = "The "
            + "profile", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ConnectionView get(@PathParam("name") String name) {
        return profiles.find(name).orElseThrow(() -> new NoSuchElementException("No connection named '" + name + "'"));
    }

    /**
     * Creates or replaces a profile. Omit {@code password} to keep the stored one, send {@code ""} for none.
     * 201 when created, 200 when replaced; 409 for {@code default}.
     */
    @PUT
    @Path("{name}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a connection profile",
            description = "Omit password to keep the stored one; the password is stored encrypted. 201 when "
                    + "created, 200 when replaced, 409 for default.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ConnectionBody.class),
            examples = @ExampleObject(name = "example", value = "{\"host\":\"clickhouse.example.com\","
                    + "\"port\":8443,\"database\":\"default\",\"user\":\"ingest\",\"password\":\"secret\","
                    + "\"tls\":true}")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response save(@PathParam("name") String name, ConnectionBody body) {
        if (body == null) {
            throw new IllegalArgumentException("A JSON body with host, port, database, user, password and tls is"
                    + " required");
        }
        boolean exists = profiles.find(name).isPresent();
        ConnectionView saved = profiles.save(new SaveConnectionCommand(name, body.host(),
                body.port() == null ? (Boolean.TRUE.equals(body.tls()) ? 8443 : 8123) : body.port(), body.database(),
                body.user(), body.password(), Boolean.TRUE.equals(body.tls())), currentUser.actor());
        return (exists ? Response.ok() : Response.status(Response.Status.CREATED)).entity(saved).build();
    }

    /** Deletes a profile. */
    @DELETE
    @Path("{name}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a connection profile")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response delete(@PathParam("name") String name) {
        profiles.delete(name, currentUser.actor());
        return Response.noContent().build();
    }

    /** Whether the profile's server answers, with its version or the reason it does not. */
    @POST
    @Path("{name}/check")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Check a connection profile",
            description = "Whether its server answers, with its version or the reason it does not.")
    @APIResponse(responseCode = "200", description = "The "
            + "result", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = ConnectionCheck.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ConnectionCheck check(@PathParam("name") String name) {
        return profiles.check(name);
    }

    /** Body of a save. */
    public record ConnectionBody(String host, Integer port, String database, String user, String password,
                                 Boolean tls) {
        @Override
        public String toString() {
            return "ConnectionBody[host=" + host + ", port=" + port + ", database=" + database + ", user=" + user
                    + ", tls=" + tls + "]";
        }
    }
}
