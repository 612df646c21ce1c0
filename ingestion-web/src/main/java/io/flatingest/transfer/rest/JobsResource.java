package io.flatingest.transfer.rest;

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
@Tag(name = "jobs", description = "Imports, exports and self-checks as batch jobs: start, watch, control, reports")
@SecurityRequirement(name = IngestionApplication.JWT)
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
    @Operation(summary = "Start the self-check job",
            description = "Generates numbers, filters every tenth and writes the rest into a ClickHouse table: "
                    + "the smallest job through the whole chain.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SelfCheckRequest.class),
            examples = @ExampleObject(name = "example", value = "{\"rows\":1000,\"database\":\"default\","
                    + "\"table\":\"self_check\",\"chunkSize\":100}")))
    @APIResponse(responseCode = "202", description = "Started; Location names the "
            + "execution", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = Started.class),
                examples = @ExampleObject(name = "example", value = "{\"executionId\":42}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
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
    @Operation(summary = "List job executions",
            description = "Newest first, filtered by status, job name, user and start time, a page at a time.")
    @APIResponse(responseCode = "200", description = "A page of "
            + "executions", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = Page.class),
                examples = @ExampleObject(name = "example", value = "{\"items\":[{\"executionId\":42,"
                        + "\"job\":\"file-import\",\"status\":\"COMPLETED\"}],\"page\":0,\"size\":50,\"total\":1}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
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
    @Operation(summary = "Start an import",
            description = "Validates the command (file in the landing directory, dialect, target table or the "
                    + "table to create, mapping, options) and starts the file-import job. Poll "
                    + "/jobs/{id}/progress; read /jobs/{id}/report at the end.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImportRequest.class),
            examples = @ExampleObject(name = "example", value = "{\"file\":\"sales.csv\","
                    + "\"database\":\"default\",\"table\":\"sales\",\"dialect\":{\"format\":\"CSV\","
                    + "\"delimiter\":\",\",\"header\":true},\"errors\":{\"maxRejectedRows\":100}}")))
    @APIResponse(responseCode = "202", description = "Started; Location names the "
            + "execution", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = Started.class),
                examples = @ExampleObject(name = "example", value = "{\"executionId\":42}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "502", ref = "ClickHouseFailed")
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
    @Operation(summary = "Start an export",
            description = "Validates the source (table with optional columns, filter, order and limit, or one "
                    + "read-only SELECT) and the output file, and starts the file-export job. Download the file "
                    + "from /jobs/{id}/output when it completed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ExportRequest.class),
            examples = @ExampleObject(name = "example", value = "{\"database\":\"default\",\"table\":\"sales\","
                    + "\"orderBy\":[\"id\"],\"output\":{\"format\":\"CSV\",\"fileName\":\"sales-export.csv\"}}")))
    @APIResponse(responseCode = "202", description = "Started; Location names the "
            + "execution", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = Started.class),
                examples = @ExampleObject(name = "example", value = "{\"executionId\":43}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "502", ref = "ClickHouseFailed")
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
    @Operation(summary = "Download the file an export wrote")
    @APIResponse(responseCode = "200", description = "The "
            + "file", content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
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
    @Operation(summary = "Restart a failed or stopped execution",
            description = "Continues from the last checkpoint as a new execution of the same job instance.")
    @APIResponse(responseCode = "202", description = "Restarted; Location names the new "
            + "execution", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = Started.class),
                examples = @ExampleObject(name = "example", value = "{\"executionId\":44}")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
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
    @Operation(summary = "Download the rejected rows of an import",
            description = "CSV: line, column, value, reason, record.")
    @APIResponse(responseCode = "200", description = "The reject file", content = @Content(mediaType = "text/csv",
                schema = @Schema(type = SchemaType.STRING),
                examples = @ExampleObject(name = "example", value = "line,column,value,reason,record\n3,amount,"
                        + "abc,not a decimal,2;abc")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
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
    @Operation(summary = "Stop a running or queued execution",
            description = "It stops after its current chunk and can be restarted.")
    @APIResponse(responseCode = "202", description = "Stop requested")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response stop(@PathParam("executionId") long executionId) {
        transfers.stop(executionId);
        audit.record(currentUser.actor(), AuditAction.JOB_STOPPED, "execution " + executionId, null);
        return Response.accepted().build();
    }

    /** Gives up a stopped or failed execution for good (an import's staged rows are dropped). */
    @POST
    @Path("{executionId}/abandon")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Abandon a stopped or failed execution",
            description = "For good: it can no longer be restarted; an import's staged rows are dropped.")
    @APIResponse(responseCode = "204", description = "Abandoned")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response abandon(@PathParam("executionId") long executionId) {
        transfers.abandon(executionId);
        audit.record(currentUser.actor(), AuditAction.JOB_ABANDONED, "execution " + executionId, null);
        return Response.noContent().build();
    }

    /** Live progress: rows and bytes done, percent and ETA for file sources, current throughput. */
    @GET
    @Path("{executionId}/progress")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Live progress of an execution",
            description = "Rows and bytes done, percent and ETA for file sources, current throughput.")
    @APIResponse(responseCode = "200", description = "The "
            + "progress", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = ProgressView.class),
                examples = @ExampleObject(name = "example", value = "{\"executionId\":42,\"state\":\"RUNNING\","
                        + "\"rowsRead\":150000,\"rowsWritten\":149990,\"rowsRejected\":10,\"percent\":37.5,"
                        + "\"etaSeconds\":21}")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ProgressView progress(@PathParam("executionId") long executionId) {
        return reports.progress(executionId);
    }

    /** The kept report of the execution's transfer (all its executions) as JSON. */
    @GET
    @Path("{executionId}/report")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The report of an execution's transfer",
            description = "Totals, reconciliation, every execution with steps and metrics, chunk timings.")
    @APIResponse(responseCode = "200", description = "The "
            + "report", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = TransferReportView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public TransferReportView report(@PathParam("executionId") long executionId) {
        return reports.report(executionId);
    }

    /** The same report as a CSV download. */
    @GET
    @Path("{executionId}/report.csv")
    @RolesAllowed(Roles.VIEWER)
    @Produces("text/csv")
    @Operation(summary = "The report as CSV")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(mediaType = "text/csv",
                schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response reportCsv(@PathParam("executionId") long executionId) {
        return Response.ok(reports.csv(executionId)).header("Content-Disposition", "attachment; filename=\"report-"
                + executionId + ".csv\"").build();
    }

    /** One execution with its steps and metrics. */
    @GET
    @Path("{executionId}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "One execution with its steps and metrics")
    @APIResponse(responseCode = "200", description = "The "
            + "execution", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = ExecutionView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
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
