package io.flatingest.transfer.rest;

import io.flatingest.security.boundary.AuditAction;
import io.flatingest.security.boundary.AuditTrail;
import io.flatingest.security.boundary.Roles;
import io.flatingest.security.web.CurrentUser;
import io.flatingest.transfer.boundary.ExecutionView;
import io.flatingest.transfer.boundary.ExportCommand;
import io.flatingest.transfer.boundary.ImportCommand;
import io.flatingest.transfer.boundary.SelfCheckCommand;
import io.flatingest.transfer.boundary.TransferService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.NoSuchElementException;

/** Job executions: start, inspect. */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class JobsResource {

    @Inject
    TransferService transfers;

    @Inject
    AuditTrail audit;

    @Inject
    CurrentUser currentUser;

    @Context
    UriInfo uri;

    /** Starts the self-check job (numbers → ClickHouse) and answers 202 with the execution's location. */
    @POST
    @Path("self-check")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response startSelfCheck(SelfCheckRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("A JSON body with rows, database and table is required");
        }
        long id = transfers.startSelfCheck(new SelfCheckCommand(request.rows(), request.database(), request.table(),
                request.chunkSize() == null ? 100 : request.chunkSize()));
        audit.record(currentUser.actor(), AuditAction.JOB_STARTED, "execution " + id,
                "self-check of " + request.rows() + " rows into " + request.database() + "." + request.table());
        return Response.accepted(new Started(id)).location(uri.getBaseUriBuilder().path("jobs").path(Long.toString(id))
                .build()).build();
    }

    /** Validates and starts an import of a file in the landing directory; 202 with the execution's location. */
    @POST
    @Path("imports")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response startImport(ImportRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("A JSON body describing the import is required");
        }
        ImportCommand command = request.toCommand();
        long id = transfers.startImport(command, currentUser.getName());
        audit.record(currentUser.actor(), AuditAction.JOB_STARTED, "execution " + id, "import of " + command.file()
                + " into " + command.database() + "." + command.table() + " (connection " + command.connection() + ")");
        return Response.accepted(new Started(id)).location(uri.getBaseUriBuilder().path("jobs").path(Long.toString(id))
                .build()).build();
    }

    /** Validates and starts an export into the export directory; 202 with the execution's location. */
    @POST
    @Path("exports")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response startExport(ExportRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("A JSON body describing the export is required");
        }
        ExportCommand command = request.toCommand();
        long id = transfers.startExport(command, currentUser.getName());
        audit.record(currentUser.actor(), AuditAction.JOB_STARTED, "execution " + id, "export from connection "
                + command.connection());
        return Response.accepted(new Started(id)).location(uri.getBaseUriBuilder().path("jobs").path(Long.toString(id))
                .build()).build();
    }

    /** The file a finished export wrote. */
    @GET
    @Path("{executionId}/output")
    @RolesAllowed(Roles.OPERATOR)
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response output(@PathParam("executionId") long executionId) {
        java.nio.file.Path file = transfers.exportedFile(executionId);
        audit.record(currentUser.actor(), AuditAction.FILE_DOWNLOADED, "execution " + executionId,
                "export file " + file.getFileName());
        return Response.ok(file.toFile()).header("Content-Disposition", "attachment; filename=\""
                + file.getFileName().toString().replace("\"", "") + "\"").build();
    }

    /** Restarts a failed or stopped execution from its last checkpoint; 202 with the new execution. */
    @POST
    @Path("{executionId}/restart")
    @RolesAllowed(Roles.OPERATOR)
    public Response restart(@PathParam("executionId") long executionId) {
        if (transfers.execution(executionId).isEmpty()) {
            throw new NoSuchElementException("No job execution " + executionId);
        }
        long id = transfers.restart(executionId);
        audit.record(currentUser.actor(), AuditAction.JOB_RESTARTED, "execution " + executionId,
                "as execution " + id);
        return Response.accepted(new Started(id)).location(uri.getBaseUriBuilder().path("jobs").path(Long.toString(id))
                .build()).build();
    }

    /** The rejected rows of an import as CSV: line, column, value, reason, record. */
    @GET
    @Path("{executionId}/rejects")
    @RolesAllowed(Roles.OPERATOR)
    @Produces("text/csv")
    public Response rejects(@PathParam("executionId") long executionId) {
        StreamingOutput body = transfers.rejects(executionId)::writeTo;
        audit.record(currentUser.actor(), AuditAction.FILE_DOWNLOADED, "execution " + executionId,
                "reject file");
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"rejects-" + executionId
                + ".csv\"").build();
    }

    /** One execution with its steps and metrics. */
    @GET
    @Path("{executionId}")
    @RolesAllowed(Roles.VIEWER)
    public ExecutionView execution(@PathParam("executionId") long executionId) {
        return transfers.execution(executionId)
                .orElseThrow(() -> new NoSuchElementException("No job execution " + executionId));
    }

    /** Body of a self-check start. */
    public record SelfCheckRequest(long rows, String database, String table, Integer chunkSize) {
    }

    /** Answer to a start. */
    public record Started(long executionId) {
    }
}
