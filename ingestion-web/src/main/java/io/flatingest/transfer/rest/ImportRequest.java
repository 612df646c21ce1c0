package io.flatingest.transfer.rest;

import io.flatingest.infrastructure.clickhouse.type.ConversionOptions.MissingValues;
import io.flatingest.infrastructure.flatfile.Dialect;
import io.flatingest.transfer.boundary.ImportCommand;
import io.flatingest.transfer.boundary.ImportCommand.ColumnMapping;
import io.flatingest.transfer.boundary.ImportCommand.ErrorPolicy;
import io.flatingest.transfer.boundary.ImportCommand.TableDefinition;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Body of {@code POST /api/jobs/imports}. Dialect fields left out take the format's defaults (CSV: comma, double
 * quote, RFC 4180 quoting, header, nulls {@code ""} unquoted and {@code \N}; TSV: tab, ClickHouse escapes, header).
 */
public record ImportRequest(String connection, String file, DialectDto dialect, String database, String table,
                            List<ColumnMapping> columns, TableDefinition createTable, ErrorPolicyDto errors,
                            MissingValues missingValues, List<String> dateFormats, List<String> dateTimeFormats,
                            Integer chunkSize) {

    /** How the file is written; every field optional. */
    public record DialectDto(String format, String delimiter, String quote, Dialect.EscapeMode escape, Boolean header,
                             Integer skipLines, List<String> nullTokens, String charset, Boolean trim) {

        Dialect toDialect() {
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
    public record ErrorPolicyDto(Long maxRejectedRows, Double maxRejectedRatio) {
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
