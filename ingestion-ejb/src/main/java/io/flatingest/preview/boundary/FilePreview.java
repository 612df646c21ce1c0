package io.flatingest.preview.boundary;

import io.flatingest.infrastructure.flatfile.DetectedDialect;
import io.flatingest.infrastructure.flatfile.Dialect;
import java.util.List;

/**
 * The first records of a file as an import would read and convert them.
 *
 * @param file      the file, relative to the landing directory
 * @param size      its size in bytes
 * @param dialect   the dialect used: the caller's, or else the detected one
 * @param detected  the detected dialect with its reasons (also when the caller gave one)
 * @param header    the header names, or null when the dialect has no header
 * @param columns   what each value of a row is: the mapped table columns with their types, or, without a target
 *                  table, the file's columns
 * @param rows      the records, in file order
 * @param warnings  every cell (or record) the import would reject, with the reason
 * @param complete  whether the whole file fit in the preview
 */
public record FilePreview(String file, long size, Dialect dialect, DetectedDialect detected, List<String> header,
                          List<PreviewColumn> columns, List<PreviewRow> rows, List<CellWarning> warnings,
                          boolean complete) {

    public FilePreview {
        header = header == null ? null : List.copyOf(header);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    /**
     * A column of the preview.
     *
     * @param name         the table column (or, without a table, the file's header name or {@code column_N})
     * @param type         its ClickHouse type; null without a target table
     * @param filePosition 1-based position of the file column that feeds it
     */
    public record PreviewColumn(String name, String type, int filePosition) {
    }

    /**
     * One record.
     *
     * @param line     1-based line where it starts
     * @param number   1-based data record number
     * @param values   one value per {@link #columns()} entry: as the table would hold it (ClickHouse's text form),
     *                 or as read without a table; null for NULL and for a value that would be rejected
     * @param rejected whether the import would reject this record
     */
    public record PreviewRow(long line, long number, List<String> values, boolean rejected) {

        public PreviewRow {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    /**
     * A value (or a whole record) the import would reject.
     *
     * @param line    1-based line of the record
     * @param column  the table column, or null when the whole record is at fault (malformed, wrong field count)
     * @param value   the text read, or null
     * @param reason  why it would be rejected
     * @param message the whole sentence: row, column, value and reason
     */
    public record CellWarning(long line, String column, String value, String reason, String message) {
    }
}
