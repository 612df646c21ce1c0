package io.flatingest.catalog.rest;

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
import io.flatingest.catalog.boundary.CatalogService;
import io.flatingest.infrastructure.clickhouse.ClickHouseTableCatalog.ColumnInfo;
import io.flatingest.infrastructure.clickhouse.ClickHouseTableCatalog.TableInfo;
import io.flatingest.security.boundary.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Databases, tables and columns of a ClickHouse connection: for operators, who choose sources and targets. */
@Path("connections/{connection}/databases")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "catalog", description = "Databases, tables and columns of a ClickHouse connection")
@SecurityRequirement(name = IngestionApplication.JWT)
public class CatalogResource {

    @Inject
    CatalogService catalog;

    @PathParam("connection")
    String connection;

    /** Database names. */
    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "List the databases of a connection")
    @APIResponse(responseCode = "200", description = "Database "
            + "names", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(type = SchemaType.ARRAY, implementation = String.class),
                examples = @ExampleObject(name = "example", value = "[\"default\",\"system\"]")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "502", ref = "ClickHouseFailed")
    public List<String> databases() {
        return catalog.databases(connection);
    }

    /** Tables of a database with engine, rows and size. */
    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Path("{database}/tables")
    @Operation(summary = "List the tables of a database",
            description = "With engine, rows, bytes on disk, sorting and partition key.")
    @APIResponse(responseCode = "200", description = "The "
            + "tables", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(type = SchemaType.ARRAY, implementation = TableDto.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "502", ref = "ClickHouseFailed")
    public List<TableDto> tables(@PathParam("database") String database) {
        return catalog.tables(connection, database).stream().map(TableDto::of).toList();
    }

    /** Columns of a table with their ClickHouse types. */
    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Path("{database}/tables/{table}/columns")
    @Operation(summary = "List the columns of a table",
            description = "With ClickHouse types, defaults and whether an import can fill them.")
    @APIResponse(responseCode = "200", description = "The "
            + "columns", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(type = SchemaType.ARRAY, implementation = ColumnDto.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "502", ref = "ClickHouseFailed")
    public List<ColumnDto> columns(@PathParam("database") String database, @PathParam("table") String table) {
        return catalog.columns(connection, database, table).stream().map(ColumnDto::of).toList();
    }

    /** A table as the API shows it. */
    public record TableDto(String name, String engine, Long rows, Long bytesOnDisk, String sortingKey,
                           String partitionKey) {
        static TableDto of(TableInfo t) {
            return new TableDto(t.name(), t.engine(), t.rows(), t.bytesOnDisk(), t.sortingKey(), t.partitionKey());
        }
    }

    /** A column as the API shows it. */
    public record ColumnDto(String name, String type, boolean nullable, String defaultKind, String defaultExpression,
                            boolean inSortingKey, boolean insertable) {
        static ColumnDto of(ColumnInfo c) {
            return new ColumnDto(c.name(), c.typeText(), c.type().isNullable(), c.defaultKind(),
                    c.defaultExpression(), c.inSortingKey(), c.insertable());
        }
    }
}
