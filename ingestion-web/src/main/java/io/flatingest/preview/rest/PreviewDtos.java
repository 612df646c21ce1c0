package io.flatingest.preview.rest;

import io.flatingest.infrastructure.clickhouse.type.ConversionOptions.MissingValues;
import io.flatingest.infrastructure.flatfile.DetectedDialect;
import io.flatingest.infrastructure.flatfile.schema.TableProposal;
import io.flatingest.preview.boundary.FilePreview;
import io.flatingest.preview.boundary.FilePreview.CellWarning;
import io.flatingest.preview.boundary.FilePreview.PreviewColumn;
import io.flatingest.preview.boundary.FilePreview.PreviewRow;
import io.flatingest.preview.boundary.FilePreviewQuery;
import io.flatingest.preview.boundary.PreviewService;
import io.flatingest.preview.boundary.SchemaProposal;
import io.flatingest.transfer.boundary.ImportCommand.ColumnMapping;
import io.flatingest.transfer.boundary.ImportCommand.TableDefinition;
import io.flatingest.transfer.rest.ImportRequest.DialectDto;
import io.flatingest.web.validation.Required;
import io.flatingest.web.validation.Within;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies and answers of the preview and schema resources. */
public final class PreviewDtos {

    /** Database and table names (checked again, and always back-quoted, in SQL). */
    static final String IDENTIFIER = io.flatingest.transfer.rest.ImportRequest.IDENTIFIER;

    /** What {@link #IDENTIFIER} requires. */
    static final String NAME_RULE = io.flatingest.transfer.rest.ImportRequest.NAME_RULE;

    private PreviewDtos() {
    }

    /** Body of {@code POST /api/previews/file}. */
    @Schema(description = "A file to preview; with database and table, rows are converted into the table's types")
    public record FilePreviewRequest(
            @Schema(description = "connection profile", defaultValue = "default") String connection,
            @Schema(description = "path relative to the landing directory", example = "sales.csv", required = true)
            @Required(message = "is required (a path relative to the landing directory)") String file,
            @Schema(description = "how the file is written; left out: the detected dialect") @Valid DialectDto dialect,
            @Schema(example = "default") @Pattern(regexp = IDENTIFIER, message = NAME_RULE)
            String database,
            @Schema(example = "sales") @Pattern(regexp = IDENTIFIER, message = NAME_RULE) String table,
            @Schema(description = "file column → table column (left out: by header name)") List<ColumnMapping> columns,
            @Schema(description = "a table the import will create (its types are used)") TableDefinition createTable,
            MissingValues missingValues, List<String> dateFormats, List<String> dateTimeFormats,
            @Schema(description = "records to show", defaultValue = "20", minimum = "1", maximum = "1000")
            @Within(min = 1, max = PreviewService.MAX_ROWS, message = "must be between 1 and " + PreviewService.MAX_ROWS)
            Integer rows) {

        FilePreviewQuery toQuery() {
            return new FilePreviewQuery(connection, file, dialect == null ? null : dialect.toDialect(), database, table,
                    columns, createTable, missingValues, dateFormats, dateTimeFormats, rows);
        }
    }

    /** Body of {@code POST /api/previews/table}. */
    public record TablePreviewRequest(
            @Schema(defaultValue = "default") String connection,
            @Schema(example = "default", required = true) @Required(message = "is required")
            @Pattern(regexp = IDENTIFIER, message = NAME_RULE) String database,
            @Schema(example = "sales", required = true) @Required(message = "is required")
            @Pattern(regexp = IDENTIFIER, message = NAME_RULE) String table,
            @Schema(defaultValue = "20", minimum = "1", maximum = "1000")
            @Within(min = 1, max = PreviewService.MAX_ROWS, message = "must be between 1 and " + PreviewService.MAX_ROWS)
            Integer rows) {
    }

    /** Body of {@code POST /api/previews/query}. */
    public record QueryPreviewRequest(
            @Schema(defaultValue = "default") String connection,
            @Schema(description = "one SELECT (no FORMAT, INTO or ';'); runs read-only", required = true,
                    example = "SELECT id, amount FROM default.sales WHERE amount > 10")
            @Required(message = "is required (one SELECT)") String query,
            @Schema(defaultValue = "20", minimum = "1", maximum = "1000")
            @Within(min = 1, max = PreviewService.MAX_ROWS, message = "must be between 1 and " + PreviewService.MAX_ROWS)
            Integer rows) {
    }

    /** Body of {@code POST /api/schemas/proposal}. */
    public record SchemaProposalRequest(
            @Schema(defaultValue = "default") String connection,
            @Schema(example = "sales.csv", required = true)
            @Required(message = "is required (a path relative to the landing directory)") String file,
            @Schema(description = "left out: the detected dialect") @Valid DialectDto dialect,
            @Schema(defaultValue = "default") @Pattern(regexp = IDENTIFIER, message = NAME_RULE)
            String database,
            @Schema(description = "left out: from the file name") @Pattern(regexp = IDENTIFIER,
                    message = NAME_RULE) String table,
            @Schema(defaultValue = "1000", minimum = "1", maximum = "100000")
            @Within(min = 1, max = PreviewService.MAX_SAMPLE_ROWS,
                    message = "must be between 1 and " + PreviewService.MAX_SAMPLE_ROWS) Integer sampleRows) {
    }

    /** A detected dialect with the reason for each decision. */
    public record DetectedDialectDto(DialectDto dialect, List<String> reasons, String lineEnding, boolean compressed) {
        static DetectedDialectDto of(DetectedDialect d) {
            return new DetectedDialectDto(DialectDto.of(d.dialect()), d.reasons(), d.lineEnding(), d.compressed());
        }
    }

    /** A file preview as the API shows it. */
    @Schema(description = "The first records of a file as the import would read and convert them")
    public record FilePreviewDto(String file, long size, DialectDto dialect, DetectedDialectDto detected,
                                 List<String> header, List<PreviewColumn> columns, List<PreviewRow> rows,
                                 List<CellWarning> warnings, boolean complete) {
        static FilePreviewDto of(FilePreview p) {
            return new FilePreviewDto(p.file(), p.size(), DialectDto.of(p.dialect()),
                    DetectedDialectDto.of(p.detected()),
                    p.header(), p.columns(), p.rows(), p.warnings(), p.complete());
        }
    }

    /** A schema proposal as the API shows it. */
    public record SchemaProposalDto(DialectDto dialect, DetectedDialectDto detected, TableProposal proposal,
                                    TableDefinition definition, String createTable) {
        static SchemaProposalDto of(SchemaProposal p) {
            return new SchemaProposalDto(DialectDto.of(p.dialect()), DetectedDialectDto.of(p.detected()),
                    p.proposal(), p.definition(), p.createTable());
        }
    }
}
