package io.flatingest.transfer.rest;

import io.flatingest.infrastructure.clickhouse.type.ConversionOptions.MissingValues;
import io.flatingest.infrastructure.flatfile.Dialect;
import io.flatingest.transfer.boundary.ImportCommand;
import io.flatingest.transfer.boundary.ImportCommand.ColumnMapping;
import io.flatingest.transfer.boundary.ImportCommand.ErrorPolicy;
import io.flatingest.transfer.boundary.ImportCommand.TableDefinition;
import io.flatingest.web.validation.DecimalWithin;
import io.flatingest.web.validation.Length;
import io.flatingest.web.validation.Required;
import io.flatingest.web.validation.Within;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/jobs/imports}. Dialect fields left out take the format's defaults (CSV: comma, double
 * quote, RFC 4180 quoting, header, nulls {@code ""} unquoted and {@code \N}; TSV: tab, ClickHouse escapes, header).
 */
public record ImportRequest(
        @Schema(description = "connection profile", defaultValue = "default") String connection,
        @Schema(description = "path relative to the landing directory", example = "sales.csv", required = true)
        @Required(message = "is required (a path relative to the landing directory)") String file,
        @Schema(description = "how the file is written; fields left out take the format's defaults") @Valid
        DialectDto dialect,
        @Schema(example = "default", required = true) @Required(message = "is required")
        @Pattern(regexp = IDENTIFIER, message = NAME_RULE) String database,
        @Schema(example = "sales", required = true) @Required(message = "is required")
        @Pattern(regexp = IDENTIFIER, message = NAME_RULE) String table,
        @Schema(description = "file column → table column; left out: by header name") List<ColumnMapping> columns,
        @Schema(description = "the table to create (null: the table exists)") TableDefinition createTable,
        @Valid ErrorPolicyDto errors, MissingValues missingValues,
        @Schema(description = "extra date patterns (java.time), tried after ISO", example = "[\"dd/MM/yyyy\"]")
        List<String> dateFormats,
        @Schema(description = "extra date-time patterns, tried after ISO") List<String> dateTimeFormats,
        @Schema(description = "rows per chunk (checkpoint interval)", defaultValue = "100000", minimum = "1",
                maximum = "1000000")
        @Within(min = 1, max = 1_000_000, message = "must be between 1 and 1000000")
        Integer chunkSize) {

    /**
     * Database and table names as {@code Identifiers} accepts them (they are always back-quoted in SQL): 1 to 200
     * characters, no control characters, no white space at either end.
     */
    public static final String NAME_RULE = "must have 1 to 200 characters, no control characters and no white space"
            + " at either end";

    /** The pattern of {@link #NAME_RULE}. */
    public static final String IDENTIFIER = "(?!\\s)[^\\x00-\\x1F\\x7F-\\x9F]{1,200}(?<!\\s)";

    /** How the file is written; every field optional. */
    public record DialectDto(
            @Schema(enumeration = {"CSV", "TSV"}, defaultValue = "CSV")
            @Pattern(regexp = "(?i)CSV|TSV", message = "must be CSV or TSV") String format,
            @Schema(description = "one character; \\t for tab", example = ";")
            @Length(min = 1, max = 2, message = "must be one character (\\t for tab)") String delimiter,
            @Schema(description = "one character, or empty for none", example = "\"")
            @Length(max = 1, message = "must be one character, or empty for none") String quote,
            Dialect.EscapeMode escape, Boolean header,
            @Within(min = 0, message = "must not be negative") Integer skipLines,
            @Schema(description = "field values read as NULL", example = "[\"\", \"\\\\N\"]") List<String> nullTokens,
            // no @Schema on charset: Payara's scanner takes any annotated method whose name contains "set" for a setter
            String charset, Boolean trim) {

        /** A dialect as the API shows it: delimiter and quote as one-character strings ("" for no quote). */
        public static DialectDto of(Dialect d) {
            return new DialectDto(d.format().name(), String.valueOf(d.delimiter()),
                    d.hasQuote() ? String.valueOf(d.quote()) : "", d.escape(), d.header(), d.skipLines(),
                    d.nullTokens().stream().sorted().toList(), d.encoding(), d.trim());
        }

        /** The dialect this asks for; fields left out take the format's defaults. */
        public Dialect toDialect() {
            Dialect d = format == null || format.equalsIgnoreCase("CSV") ? Dialect.csv()
                    : format.equalsIgnoreCase("TSV") ? Dialect.tsv() : null;
            if (d == null) {
                throw new IllegalArgumentException("format must be CSV or TSV, got '" + format + "'");
            }
            if (delimiter != null) {
                d = d.withDelimiter(single("delimiter", unescape(delimiter)));
            }
            if (quote != null) {
                d = d.withQuote(quote.isEmpty() ? Dialect.NO_QUOTE : single("quote", quote));
            }
            if (escape != null) {
                d = d.withEscape(escape);
            }
            if (header != null) {
                d = d.withHeader(header);
            }
            if (skipLines != null) {
                d = d.withSkipLines(skipLines);
            }
            if (nullTokens != null) {
                d = d.withNullTokens(new LinkedHashSet<>(nullTokens));
            }
            if (charset != null) {
                d = d.withEncoding(charset);
            }
            if (trim != null) {
                d = d.withTrim(trim);
            }
            return d;
        }

        private static String unescape(String s) {
            return s.equals("\\t") ? "\t" : s;
        }

        private static char single(String field, String value) {
            if (value.length() != 1) {
                throw new IllegalArgumentException(field + " must be one character, got '" + value + "'");
            }
            return value.charAt(0);
        }
    }

    /** Bad-row tolerance; see {@link ErrorPolicy}. Absent: fail on the first bad row. */
    public record ErrorPolicyDto(
            @Schema(description = "-1: no limit; 0: fail on the first bad row", defaultValue = "0")
            @Within(min = -1, message = "must be -1 (no limit) or at least 0") Long maxRejectedRows,
            @Schema(description = "-1: no limit; else 0..1", defaultValue = "-1")
            @DecimalWithin(min = "-1", max = "1", message = "must be -1 (no limit) or between 0 and 1")
            Double maxRejectedRatio) {
        ErrorPolicy toPolicy() {
            return new ErrorPolicy(maxRejectedRows == null ? 0 : maxRejectedRows,
                    maxRejectedRatio == null ? -1 : maxRejectedRatio);
        }
    }

    /** The command this request asks for. */
    public ImportCommand toCommand() {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("file is required (a path relative to the landing directory)");
        }
        if (database == null || table == null) {
            throw new IllegalArgumentException("database and table are required");
        }
        return new ImportCommand(connection, file, (dialect == null ? new DialectDto(null, null, null, null, null, null,
                null, null, null) : dialect).toDialect(), database, table, columns, createTable,
                errors == null ? null : errors.toPolicy(), missingValues, dateFormats, dateTimeFormats, chunkSize);
    }
}
