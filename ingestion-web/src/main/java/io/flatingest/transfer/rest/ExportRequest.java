package io.flatingest.transfer.rest;

import io.flatingest.transfer.boundary.ExportCommand;
import io.flatingest.transfer.boundary.ExportCommand.Output;
import io.flatingest.transfer.boundary.ExportCommand.Source;
import java.util.List;

/**
 * Body of {@code POST /api/jobs/exports}: a table (with optional columns, filter, ORDER BY columns, limit) or a query,
 * and the output file. Output fields left out take the defaults of {@link Output#csv()}.
 */
public record ExportRequest(String connection, String database, String table, List<String> columns, String filter,
                            Long limit, String query, List<String> orderBy, OutputDto output, Integer chunkSize) {

    /** The file; every field optional. */
    public record OutputDto(String format, String delimiter, String quote, Boolean quoteAll, Boolean header,
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
