package io.flatingest.preview.rest;

import io.flatingest.preview.boundary.PreviewService;
import io.flatingest.preview.rest.PreviewDtos.SchemaProposalDto;
import io.flatingest.preview.rest.PreviewDtos.SchemaProposalRequest;
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

/** Proposed tables for landing files. Operators only; nothing is created. */
@Path("schemas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "schemas", description = "Proposed CREATE TABLE statements for files")
@SecurityRequirement(name = IngestionApplication.JWT)
public class SchemasResource {

    @Inject
    PreviewService previews;

    /** The proposed table for a file. */
    @POST
    @Path("proposal")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Propose a table for a file",
            description = "Infers a ClickHouse type per column from a sample of records (never a type that would"
                    + " change a value), an ORDER BY, and renders the CREATE TABLE. `definition` can be sent, edited"
                    + " or not, as an import's `createTable`.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SchemaProposalRequest.class),
            examples = @ExampleObject(name = "proposal", value = "{\"file\":\"sales.csv\",\"database\":\"default\","
                    + "\"table\":\"sales\"}")))
    @APIResponse(responseCode = "200", description = "The proposal", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchemaProposalDto.class),
            examples = @ExampleObject(name = "proposal", value = "{\"createTable\":\"CREATE TABLE `default`.`sales`"
                    + " (`id` Int64, `amount` Nullable(Decimal(9, 2))) ENGINE = MergeTree ORDER BY (`id`)\","
                    + "\"definition\":{\"columns\":[{\"name\":\"id\",\"type\":\"Int64\"},{\"name\":\"amount\","
                    + "\"type\":\"Nullable(Decimal(9, 2))\"}],\"orderBy\":[\"id\"]}}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SchemaProposalDto proposal(@NotNull(message = "A JSON body naming the file is required") @Valid
                                      SchemaProposalRequest request) {
        return SchemaProposalDto.of(previews.proposeSchema(request.connection(), request.file(),
                request.dialect() == null ? null : request.dialect().toDialect(), request.database(), request.table(),
                request.sampleRows()));
    }
}
