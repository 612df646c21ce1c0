package io.flatingest.preview.boundary;

import java.util.List;

/**
 * The first rows of a table or of a query, as ClickHouse writes them in TabSeparated (NULL as null).
 *
 * @param columns the result's columns with their ClickHouse types
 * @param rows    the rows, one value per column
 */
public record RowsPreview(List<ResultColumn> columns, List<List<String>> rows) {

    public RowsPreview {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A column of the result. */
    public record ResultColumn(String name, String type) {
    }
}
