package io.flatingest.infrastructure.flatfile.write;

import io.flatingest.infrastructure.clickhouse.type.ClickHouseType;
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

    /** A column of type {@code type}: literal when its values are Arrays, Maps or Tuples. */
    public static ExportColumn of(String name, ClickHouseType type) {
        ClickHouseType t = type.valueType();
        return new ExportColumn(name, t instanceof ClickHouseType.Array || t instanceof ClickHouseType.MapType
                || t instanceof ClickHouseType.Tuple);
    }

    /** A column of plain values. */
    public static ExportColumn of(String name) {
        return new ExportColumn(name, false);
    }
}
