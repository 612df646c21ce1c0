package io.flatingest.connection.rest;

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
public class ConnectionsResource {

    @Inject
    ConnectionProfiles profiles;

    @Inject
    CurrentUser currentUser;

    /** Every profile, {@code default} first. */
    @GET
    @RolesAllowed(Roles.OPERATOR)
    public List<ConnectionView> list() {
        return profiles.list();
    }

    /** One profile. */
    @GET
    @Path("{name}")
    @RolesAllowed(Roles.OPERATOR)
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
    public Response delete(@PathParam("name") String name) {
        profiles.delete(name, currentUser.actor());
        return Response.noContent().build();
    }

    /** Whether the profile's server answers, with its version or the reason it does not. */
    @POST
    @Path("{name}/check")
    @RolesAllowed(Roles.ADMIN)
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
