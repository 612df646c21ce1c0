package io.flatingest.transfer.rest;

import io.flatingest.transfer.boundary.ExportCommand;
import io.flatingest.transfer.boundary.ExportCommand.Output;
import io.flatingest.transfer.boundary.ExportCommand.Source;
import io.flatingest.web.validation.Within;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/jobs/exports}: a table (with optional columns, filter, ORDER BY columns, limit) or a query,
 * and the output file. Output fields left out take the defaults of {@link Output#csv()}.
 */
public record ExportRequest(
        @Schema(description = "connection profile", defaultValue = "default") String connection,
        @Schema(description = "source database (with table)", example = "default")
        @Pattern(regexp = ImportRequest.IDENTIFIER, message = ImportRequest.NAME_RULE) String database,
        @Schema(description = "source table (or give a query)", example = "sales")
        @Pattern(regexp = ImportRequest.IDENTIFIER, message = ImportRequest.NAME_RULE) String table,
        @Schema(description = "columns to export; left out: all") List<String> columns,
        @Schema(description = "a WHERE expression", example = "amount > 10") String filter,
        @Schema(description = "most rows to export") @Within(min = 0, message = "must not be negative") Long limit,
        @Schema(description = "one SELECT instead of a table", example = "SELECT id, amount FROM default.sales")
        String query,
        @Schema(description = "key columns ordering the file and marking where a restart "
                + "continues") List<String> orderBy,
        @Valid OutputDto output,
        @Schema(description = "rows per chunk", defaultValue = "50000", minimum = "1", maximum = "1000000")
        @Within(min = 1, max = 1_000_000, message = "must be between 1 and 1000000")
        Integer chunkSize) {

    /** The file; every field optional. */
    public record OutputDto(
            @Schema(enumeration = {"CSV", "TSV"}, defaultValue = "CSV")
            @Pattern(regexp = "(?i)CSV|TSV", message = "must be CSV or "
                    + "TSV") String format, String delimiter, String quote, Boolean quoteAll, Boolean header,
                            String nullToken, String lineEnding, String charset, Boolean bom, Boolean gzip,
                            String fileName, Boolean overwrite, String timeZone, Boolean formulaProtection,
                            Boolean keepFixedStringPadding, Boolean replaceInvalidUtf8) {

        Output toOutput() {
            Output d = Output.csv();
            boolean tsv = "TSV".equalsIgnoreCase(format);
            return new Output(format == null ? d.format() : format, single("delimiter", delimiter, d.delimiter()),
                    single("quote", quote, d.quote()), quoteAll != null && quoteAll, header == null || header,
                    nullToken != null ? nullToken : tsv ? "\\N" : "", lineEnding == null ? "LF" : lineEnding,
                    charset == null ? "UTF-8" : charset, bom != null && bom, gzip != null && gzip, fileName,
                    overwrite != null && overwrite, timeZone, formulaProtection != null && formulaProtection,
                    keepFixedStringPadding != null && keepFixedStringPadding,
                    replaceInvalidUtf8 != null && replaceInvalidUtf8);
        }

        private static Character single(String field, String value, Character fallback) {
            if (value == null) {
                return fallback;
            }
            String v = value.equals("\\t") ? "\t" : value;
            if (v.length() != 1) {
                throw new IllegalArgumentException(field + " must be one character, got '" + value + "'");
            }
            return v.charAt(0);
        }
    }

    /** The command this request asks for. */
    public ExportCommand toCommand() {
        if (query == null && (database == null || table == null)) {
            throw new IllegalArgumentException("Give a database and table, or a query");
        }
        Source source = new Source(database, table, columns, filter, limit, query, orderBy);
        return new ExportCommand(connection, source, output == null ? null : output.toOutput(), chunkSize);
    }
}
