package io.flatingest.preview.rest;

import io.flatingest.preview.boundary.PreviewService;
import io.flatingest.preview.boundary.RowsPreview;
import io.flatingest.preview.rest.PreviewDtos.FilePreviewDto;
import io.flatingest.preview.rest.PreviewDtos.FilePreviewRequest;
import io.flatingest.preview.rest.PreviewDtos.QueryPreviewRequest;
import io.flatingest.preview.rest.PreviewDtos.TablePreviewRequest;
import io.flatingest.security.boundary.Roles;
import io.flatingest.web.IngestionApplication;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Looking before importing or exporting: a landing file read and converted as the import would, the first rows of
 * a table or a read-only query. Operators only (they choose sources and targets); nothing is written.
 */
@Path("previews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "previews", description = "Previews of files, tables and queries")
@SecurityRequirement(name = IngestionApplication.JWT)
public class PreviewsResource {

    @Inject
    PreviewService previews;

    /** A file's first records, converted into a table's types when one is named. */
    @POST
    @Path("file")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Preview a landing file",
            description = "Detects the dialect (reasons included) or uses the one given, reads the first `rows`"
                    + " records and, when `database` and `table` are given, converts them into the table's column"
                    + " types with the import's mapping and converters. Every value the import would reject is"
                    + " listed in `warnings` (row, column, value, reason).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FilePreviewRequest.class),
            examples = {@ExampleObject(name = "as read", value = "{\"file\":\"sales.csv\",\"rows\":10}"),
                    @ExampleObject(name = "into a table", value = "{\"file\":\"sales.csv\",\"database\":\"default\","
                            + "\"table\":\"sales\",\"dialect\":{\"delimiter\":\";\"},\"rows\":10}")}))
    @APIResponse(responseCode = "200", description = "The preview", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FilePreviewDto.class),
            examples = @ExampleObject(name = "one bad cell", value = "{\"file\":\"sales.csv\",\"size\":52,"
                    + "\"dialect\":{\"format\":\"CSV\",\"delimiter\":\",\",\"quote\":\"\\\"\"},"
                    + "\"header\":[\"id\",\"amount\"],\"columns\":[{\"name\":\"id\",\"type\":\"UInt32\","
                    + "\"filePosition\":1},{\"name\":\"amount\",\"type\":\"Decimal(9, 2)\",\"filePosition\":2}],"
                    + "\"rows\":[{\"line\":2,\"number\":1,\"values\":[\"1\",\"12.50\"],\"rejected\":false},"
                    + "{\"line\":3,\"number\":2,\"values\":[\"2\",null],\"rejected\":true}],"
                    + "\"warnings\":[{\"line\":3,\"column\":\"amount\",\"value\":\"abc\",\"reason\":\"not a decimal"
                    + " number\",\"message\":\"Row 2 (line 3) column amount value 'abc' would be rejected because"
                    + " not a decimal number\"}],\"complete\":true}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public FilePreviewDto file(@NotNull(message = "A JSON body naming the file is required") @Valid
                               FilePreviewRequest request) {
        return FilePreviewDto.of(previews.previewFile(request.toQuery()));
    }

    /** A table's first rows. */
    @POST
    @Path("table")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Preview a table", description = "The first `rows` rows of a table, as ClickHouse writes"
            + " them (NULL as null), with the column types.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TablePreviewRequest.class),
            examples = @ExampleObject(name = "table", value = "{\"database\":\"default\",\"table\":\"sales\","
                    + "\"rows\":5}")))
    @APIResponse(responseCode = "200", description = "The rows", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RowsPreview.class),
            examples = @ExampleObject(name = "rows", value = "{\"columns\":[{\"name\":\"id\",\"type\":\"UInt32\"}],"
                    + "\"rows\":[[\"1\"],[\"2\"]]}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "502", ref = "ClickHouseFailed")
    public RowsPreview table(@NotNull(message = "A JSON body naming database and table is required") @Valid
                             TablePreviewRequest request) {
        return previews.previewTable(request.connection(), request.database(), request.table(), request.rows());
    }

    /** A query's first rows. */
    @POST
    @Path("query")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Preview a query", description = "The first `rows` rows of one SELECT, checked as an"
            + " export's query is (no FORMAT, INTO, ';') and run with readonly=2.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = QueryPreviewRequest.class),
            examples = @ExampleObject(name = "query", value = "{\"query\":\"SELECT number FROM system.numbers\","
                    + "\"rows\":3}")))
    @APIResponse(responseCode = "200", description = "The rows", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RowsPreview.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "502", ref = "ClickHouseFailed")
    public RowsPreview query(@NotNull(message = "A JSON body with the query is required") @Valid
                             QueryPreviewRequest request) {
        return previews.previewQuery(request.connection(), request.query(), request.rows());
    }
}
