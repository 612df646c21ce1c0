package io.flatingest.transfer.rest;

import io.flatingest.report.boundary.ExecutionFilter;
import io.flatingest.report.boundary.ExecutionSummary;
import io.flatingest.report.boundary.Page;
import io.flatingest.report.boundary.ProgressView;
import io.flatingest.report.boundary.ReportService;
import io.flatingest.report.boundary.TransferReportView;
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
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
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

/**
 * Job executions: start, inspect, control. Reading is for every user; starting, stopping, restarting, abandoning
 * and downloading files is for operators, and audited.
 */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class JobsResource {

    @Inject
    TransferService transfers;

    @Inject
    ReportService reports;

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

    /** Executions, newest first, filtered by status, job, user and start time, a page at a time. */
    @GET
    @RolesAllowed(Roles.VIEWER)
    public Page<ExecutionSummary> list(@QueryParam("status") String status, @QueryParam("job") String job,
                                       @QueryParam("user") String user, @QueryParam("from") String from,
                                       @QueryParam("to") String to, @QueryParam("page") @DefaultValue("0") int page,
                                       @QueryParam("size") @DefaultValue("50") int size) {
        return reports.list(new ExecutionFilter(blank(status), blank(job), blank(user), instant("from", from),
                instant("to", to)), page, size);
    }

    /** Validates and starts an import of a file in the landing directory; 202 with the execution's location. */
    @POST
    @Path("imports")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response startImport(@jakarta.validation.Valid ImportRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("A JSON body describing the import is required");
        }
        ImportCommand command = request.toCommand();
        long id = transfers.startImport(command, currentUser.getName());
        audit.record(currentUser.actor(), AuditAction.JOB_STARTED, "execution " + id, "import of " + command.file()
                + " into " + command.database() + "." + command.table() + " (connection " + command.connection()
                + ")");
        return Response.accepted(new Started(id)).location(uri.getBaseUriBuilder().path("jobs").path(Long.toString(id))
                .build()).build();
    }

    /** Validates and starts an export into the export directory; 202 with the execution's location. */
    @POST
    @Path("exports")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response startExport(@jakarta.validation.Valid ExportRequest request) {
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

    /** Asks a running or queued execution to stop after its current chunk. */
    @POST
    @Path("{executionId}/stop")
    @RolesAllowed(Roles.OPERATOR)
    public Response stop(@PathParam("executionId") long executionId) {
        transfers.stop(executionId);
        audit.record(currentUser.actor(), AuditAction.JOB_STOPPED, "execution " + executionId, null);
        return Response.accepted().build();
    }

    /** Gives up a stopped or failed execution for good (an import's staged rows are dropped). */
    @POST
    @Path("{executionId}/abandon")
    @RolesAllowed(Roles.OPERATOR)
    public Response abandon(@PathParam("executionId") long executionId) {
        transfers.abandon(executionId);
        audit.record(currentUser.actor(), AuditAction.JOB_ABANDONED, "execution " + executionId, null);
        return Response.noContent().build();
    }

    /** Live progress: rows and bytes done, percent and ETA for file sources, current throughput. */
    @GET
    @Path("{executionId}/progress")
    @RolesAllowed(Roles.VIEWER)
    public ProgressView progress(@PathParam("executionId") long executionId) {
        return reports.progress(executionId);
    }

    /** The kept report of the execution's transfer (all its executions) as JSON. */
    @GET
    @Path("{executionId}/report")
    @RolesAllowed(Roles.VIEWER)
    public TransferReportView report(@PathParam("executionId") long executionId) {
        return reports.report(executionId);
    }

    /** The same report as a CSV download. */
    @GET
    @Path("{executionId}/report.csv")
    @RolesAllowed(Roles.VIEWER)
    @Produces("text/csv")
    public Response reportCsv(@PathParam("executionId") long executionId) {
        return Response.ok(reports.csv(executionId)).header("Content-Disposition", "attachment; filename=\"report-"
                + executionId + ".csv\"").build();
    }

    /** One execution with its steps and metrics. */
    @GET
    @Path("{executionId}")
    @RolesAllowed(Roles.VIEWER)
    public ExecutionView execution(@PathParam("executionId") long executionId) {
        return transfers.execution(executionId)
                .orElseThrow(() -> new NoSuchElementException("No job execution " + executionId));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static java.time.Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (java.time.format.DateTimeParseException e2) {
                throw new IllegalArgumentException(name + " must be an ISO date or instant (2024-01-31 or"
                        + " 2024-01-31T12:00:00Z), got '" + value + "'");
            }
        }
    }

    /** Body of a self-check start. */
    public record SelfCheckRequest(long rows, String database, String table, Integer chunkSize) {
    }

    /** Answer to a start. */
    public record Started(long executionId) {
    }
}
