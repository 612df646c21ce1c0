package io.flatingest.schedule.rest;

import io.flatingest.schedule.boundary.ScheduleRunView;
import io.flatingest.schedule.boundary.ScheduleService;
import io.flatingest.schedule.boundary.ScheduleView;
import io.flatingest.security.boundary.Roles;
import io.flatingest.security.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.NoSuchElementException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Schedules: saved imports and exports that run on a cron expression or every N minutes/hours. Every user reads
 * them; operators and administrators create, change, pause, resume and delete them (audited).
 */
@Path("schedules")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Schedules", description = "Recurring imports and exports")
public class SchedulesResource {

    @Inject
    ScheduleService schedules;

    @Inject
    CurrentUser currentUser;

    @Context
    UriInfo uri;

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Every schedule by name, with its next run and last runs")
    @APIResponse(responseCode = "200", description = "The schedules")
    public List<ScheduleView> list() {
        return schedules.list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "One schedule")
    @APIResponse(responseCode = "200", description = "The schedule")
    @APIResponse(responseCode = "404", description = "No such schedule")
    public ScheduleView get(@PathParam("id") long id) {
        return schedules.find(id).orElseThrow(() -> new NoSuchElementException("No schedule " + id));
    }

    @GET
    @Path("{id}/runs")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The latest runs of a schedule, newest first, with each execution's status")
    @APIResponse(responseCode = "200", description = "The runs")
    @APIResponse(responseCode = "404", description = "No such schedule")
    public List<ScheduleRunView> runs(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("20") int limit) {
        return schedules.runs(id, limit);
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a schedule")
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    @APIResponse(responseCode = "400", description = "Invalid schedule (problem+json naming the field)")
    @APIResponse(responseCode = "409", description = "The name is taken")
    public Response create(@Valid ScheduleRequest body) {
        requireBody(body);
        ScheduleView created = schedules.create(body.toCommand(), currentUser.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replaces a schedule's definition; its run history stays, its next run is computed afresh")
    @APIResponse(responseCode = "200", description = "The changed schedule")
    @APIResponse(responseCode = "400", description = "Invalid schedule")
    @APIResponse(responseCode = "404", description = "No such schedule")
    @APIResponse(responseCode = "409", description = "The new name is taken")
    public ScheduleView update(@PathParam("id") long id, @Valid ScheduleRequest body) {
        requireBody(body);
        return schedules.update(id, body.toCommand(), currentUser.actor());
    }

    @POST
    @Path("{id}/pause")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Pauses a schedule")
    @APIResponse(responseCode = "200", description = "The paused schedule")
    @APIResponse(responseCode = "404", description = "No such schedule")
    public ScheduleView pause(@PathParam("id") long id) {
        return schedules.pause(id, currentUser.actor());
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Resumes a schedule from its next tick after now (ticks missed while paused do not fire)")
    @APIResponse(responseCode = "200", description = "The active schedule")
    @APIResponse(responseCode = "404", description = "No such schedule")
    public ScheduleView resume(@PathParam("id") long id) {
        return schedules.resume(id, currentUser.actor());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Deletes a schedule and its run history (the executions it started stay)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such schedule")
    public Response delete(@PathParam("id") long id) {
        schedules.delete(id, currentUser.actor());
        return Response.noContent().build();
    }

    private static void requireBody(ScheduleRequest body) {
        if (body == null) {
            throw new IllegalArgumentException("A JSON body with name, kind, transfer and cron or interval is required");
        }
    }
}
