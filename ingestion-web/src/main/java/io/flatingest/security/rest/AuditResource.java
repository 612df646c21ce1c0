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
import io.flatingest.security.boundary.AuditAction;
import io.flatingest.security.boundary.AuditEntry;
import io.flatingest.security.boundary.AuditQuery;
import io.flatingest.security.boundary.AuditTrail;
import io.flatingest.security.boundary.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** The audit trail, newest first: administrators only. */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "audit", description = "The audit trail (administrators)")
@SecurityRequirement(name = IngestionApplication.JWT)
public class AuditResource {

    @Inject
    AuditTrail audit;

    /**
     * Events matching every given filter. Page backwards with {@code beforeId} = the last id of the previous page.
     *
     * @param actor    exact user name
     * @param action   e.g. {@code LOGIN_FAILED}, {@code JOB_STARTED}
     * @param target   part of the target, any case
     * @param address  exact client address
     * @param from     ISO-8601 instant, inclusive
     * @param to       ISO-8601 instant, exclusive
     * @param beforeId only older events
     * @param limit    1..1000, default 100
     */
    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Search the audit trail",
            description = "Newest first; filter by actor, action, target, address and time; page with beforeId.")
    @APIResponse(responseCode = "200", description = "The "
            + "entries", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntry.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<AuditEntry> search(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                   @QueryParam("target") String target, @QueryParam("address") String address,
                                   @QueryParam("from") String from, @QueryParam("to") String to,
                                   @QueryParam("beforeId") Long beforeId, @QueryParam("limit") Integer limit) {
        return audit.search(new AuditQuery(actor, action(action), target, address, instant("from", from),
                instant("to", to), beforeId, limit));
    }

    private static AuditAction action(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return AuditAction.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown action '" + name + "'; known: "
                    + List.of(AuditAction.values()));
        }
    }

    private static Instant instant(String name, String value) {
        try {
            return value == null || value.isBlank() ? null : Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-11-26T10:00:00Z");
        }
    }
}
