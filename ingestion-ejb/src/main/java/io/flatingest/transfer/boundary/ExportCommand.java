package io.flatingest.transfer.boundary;

import java.util.List;
import java.util.Objects;

/**
 * Everything an export needs: what to read from ClickHouse, how to write the file, and where it goes. Built by
 * the REST API, the console and the scheduler alike; validated by {@link TransferService#startExport}.
 *
 * @param connection ClickHouse connection profile ({@code default} for the configured server)
 * @param source     the rows: a table (with columns, filter, limit) or one read-only SELECT
 * @param output     the file: format, dialect, name
 * @param chunkSize  rows per chunk (checkpoint interval); null for the default
 */
public record ExportCommand(String connection, Source source, Output output, Integer chunkSize) {

    public ExportCommand {
        connection = connection == null || connection.isBlank() ? "default" : connection;
        Objects.requireNonNull(source, "source");
        output = output == null ? Output.csv() : output;
    }

    /**
     * What to export. Either {@code table} (with {@code database}) or {@code query} is given.
     *
     * @param database  database of the table
     * @param table     the table; null when {@code query} is given
     * @param columns   the table columns to export, in file order; empty for all (except MATERIALIZED/ALIAS)
     * @param filter    optional WHERE expression
     * @param limit     optional row limit
     * @param query     one read-only SELECT, instead of a table
     * @param orderBy    the columns rows are ordered by in the file; also where a restart continues (after the last
     *                   exported row). Empty for a table means its sorting key; for a query, columns of its result
     *                   (none: no order, and a restart writes the file again from the beginning)
     */
    public record Source(String database, String table, List<String> columns, String filter, Long limit, String query,
                         List<String> orderBy) {

        public Source {
            columns = columns == null ? List.of() : List.copyOf(columns);
            orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
            filter = filter == null || filter.isBlank() ? null : filter;
            query = query == null || query.isBlank() ? null : query;
        }

        /** A whole table. */
        public static Source table(String database, String table) {
            return new Source(database, table, List.of(), null, null, null, List.of());
        }
    }

    /**
     * The file.
     *
     * @param format            CSV or TSV
     * @param delimiter         field delimiter (CSV only; TSV uses a tab)
     * @param quote             quote character (CSV only)
     * @param quoteAll          quote every field, or only those that need it
     * @param header            write a header line with the column names
     * @param nullToken         what NULL becomes (CSV default: empty; TSV: {@code \N})
     * @param lineEnding        {@code LF} or {@code CRLF}
     * @param charset           file charset (UTF-8 default)
     * @param bom               write a UTF-8 byte-order mark
     * @param gzip              compress with gzip
     * @param fileName          the file's name in the export directory; null for a generated one
     * @param overwrite         replace an existing file of that name
     * @param timeZone          show DateTime values in this zone instead of the column's (null: the column's)
     * @param formulaProtection prefix text cells that a spreadsheet would run as a formula with {@code '}
     * @param keepFixedStringPadding write FixedString values with their trailing zero bytes (default: trimmed)
     * @param replaceInvalidUtf8     write a String that is not valid UTF-8 with U+FFFD replacements (default: the
     *                               export fails naming the row and column, rather than change a value)
     */
    public record Output(String format, Character delimiter, Character quote, boolean quoteAll, boolean header,
                         String nullToken, String lineEnding, String charset, boolean bom, boolean gzip,
                         String fileName, boolean overwrite, String timeZone, boolean formulaProtection,
                         boolean keepFixedStringPadding, boolean replaceInvalidUtf8) {

        /** CSV with a header, minimal quoting, UTF-8, LF, NULL as an empty field. */
        public static Output csv() {
            return new Output("CSV", ',', '"', false, true, null, "LF", "UTF-8", false, false, null, false, null, false,
                    false, false);
        }
    }
}
