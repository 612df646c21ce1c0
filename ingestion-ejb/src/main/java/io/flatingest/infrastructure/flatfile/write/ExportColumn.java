package io.flatingest.infrastructure.flatfile.write;

import java.util.Objects;

/**
 * A column of an export file.
 *
 * @param name    the header text, and how errors name the column
 * @param literal whether values are ClickHouse literals (Array, Map, Tuple) carrying their own escapes: TSV writes
 *                them as they are, as ClickHouse does, instead of escaping them again
 */
public record ExportColumn(String name, boolean literal) {

    public ExportColumn {
        Objects.requireNonNull(name, "name");
    }

    /** A column of plain values. */
    public static ExportColumn of(String name) {
        return new ExportColumn(name, false);
    }
}
