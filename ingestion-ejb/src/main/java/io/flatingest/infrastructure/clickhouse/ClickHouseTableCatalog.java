package io.flatingest.infrastructure.clickhouse;

import io.flatingest.infrastructure.clickhouse.type.ClickHouseType;
import io.flatingest.infrastructure.clickhouse.type.ClickHouseTypes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a ClickHouse server holds: databases, tables with engine and size, columns with their types. Reads the
 * {@code system} tables with columns that exist from 18.16 on.
 */
public class ClickHouseTableCatalog {

    private final ClickHouseGateway gateway;

    public ClickHouseTableCatalog(ClickHouseGateway gateway) {
        this.gateway = gateway;
    }

    /** Database names, system databases last. */
    public List<String> databases() {
        return gateway.queryRows("SELECT name FROM system.databases ORDER BY name IN ('system', "
                + "'INFORMATION_SCHEMA', 'information_schema'), name", Map.of()).stream().map(r -> r[0]).toList();
    }

    /**
     * Tables of a database with engine and, for MergeTree-family tables, active rows and bytes on disk (other
     * engines report null: counting them would mean reading them).
     */
    public List<TableInfo> tables(String database) {
        Identifiers.requireValid("database", database);
        String sql = "SELECT t.name, t.engine, p.rows, p.bytes, t.sorting_key, t.partition_key, t.engine_full"
                + " FROM system.tables AS t"
                + " LEFT JOIN (SELECT table, toString(sum(rows)) AS rows, toString(sum(bytes_on_disk)) AS bytes"
                + " FROM system.parts WHERE active AND database = " + Identifiers.literal(database)
                + " GROUP BY table) AS p ON t.name = p.table"
                + " WHERE t.database = " + Identifiers.literal(database) + " ORDER BY t.name";
        return gateway.queryRows(sql, Map.of("join_use_nulls", "1")).stream()
                .map(r -> new TableInfo(database, r[0], r[1], parseLong(r[2], r[1]), parseLong(r[3], r[1]),
                        blankToNull(r[4]), blankToNull(r[5]), blankToNull(r[6])))
                .toList();
    }

    /** One table, if it exists. */
    public Optional<TableInfo> table(String database, String table) {
        Identifiers.requireValid("table", table);
        return tables(database).stream().filter(t -> t.name().equals(table)).findFirst();
    }

    /** Columns of a table in table order, with parsed types. */
    public List<ColumnInfo> columns(String database, String table) {
        Identifiers.requireValid("database", database);
        Identifiers.requireValid("table", table);
        String sql = "SELECT name, type, default_kind, default_expression, is_in_sorting_key, is_in_partition_key"
                + " FROM system.columns WHERE database = " + Identifiers.literal(database)
                + " AND table = " + Identifiers.literal(table);
        return gateway.queryRows(sql, Map.of()).stream()
                .map(r -> new ColumnInfo(r[0], r[1], safeParse(r[1]), blankToNull(r[2]), blankToNull(r[3]),
                        "1".equals(r[4]), "1".equals(r[5])))
                .toList();
    }

    private static ClickHouseType safeParse(String type) {
        try {
            return ClickHouseTypes.parse(type);
        } catch (IllegalArgumentException e) {
            return new ClickHouseType.Unsupported(type, e.getMessage());
        }
    }

    private static Long parseLong(String value, String engine) {
        if (value == null || value.isEmpty()) {
            return engine.contains("MergeTree") ? 0L : null;
        }
        return Long.parseLong(value);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * A table.
     *
     * @param rows         active rows for MergeTree-family tables, else null
     * @param bytesOnDisk  compressed size for MergeTree-family tables, else null
     * @param sortingKey   the ORDER BY expression, or null
     * @param partitionKey the PARTITION BY expression, or null
     * @param engineFull   the engine clause with its arguments and keys
     */
    public record TableInfo(String database, String name, String engine, Long rows, Long bytesOnDisk,
                            String sortingKey, String partitionKey, String engineFull) {
    }

    /**
     * A column.
     *
     * @param typeText      the type as the server spells it
     * @param type          the parsed type ({@link ClickHouseType.Unsupported} for types we cannot move)
     * @param defaultKind   DEFAULT, MATERIALIZED, ALIAS (or EPHEMERAL on modern servers), or null
     * @param defaultExpression the default expression, or null
     */
    public record ColumnInfo(String name, String typeText, ClickHouseType type, String defaultKind,
                             String defaultExpression, boolean inSortingKey, boolean inPartitionKey) {

        /** Whether an INSERT may set this column (MATERIALIZED and ALIAS columns are computed). */
        public boolean insertable() {
            return defaultKind == null || defaultKind.equals("DEFAULT") || defaultKind.equals("EPHEMERAL");
        }
    }
}
