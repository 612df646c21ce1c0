package io.flatingest.transfer.control;

import io.flatingest.infrastructure.clickhouse.Identifiers;
import io.flatingest.infrastructure.clickhouse.type.ClickHouseType;
import io.flatingest.infrastructure.clickhouse.type.ClickHouseTypes;
import io.flatingest.transfer.boundary.ImportCommand.ColumnDefinition;
import io.flatingest.transfer.boundary.ImportCommand.TableDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders the CREATE TABLE of a new import target from its structured definition. Nothing the user typed is
 * pasted raw: names are validated and back-quoted, types are parsed and rendered again from the parsed tree, and
 * partitioning is one of a fixed set of functions.
 */
public final class TableDdl {

    private TableDdl() {
    }

    /**
     * Checks a definition and explains the first problem.
     *
     * @param modernTypes whether the server knows the types 18.16 lacks
     * @throws IllegalArgumentException naming the column and the reason
     */
    public static void validate(TableDefinition definition, boolean modernTypes) {
        Set<String> names = new HashSet<>();
        for (ColumnDefinition c : definition.columns()) {
            Identifiers.requireValid("column", c.name());
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("Column '" + c.name() + "' appears twice in the new table");
            }
            ClickHouseType type = parse(c);
            if (type.requiresModernServer() && !modernTypes) {
                throw new IllegalArgumentException("Column '" + c.name() + "': type " + type
                        + " needs a newer ClickHouse server than the one connected");
            }
        }
        for (String key : definition.orderBy()) {
            ColumnDefinition c = definition.columns().stream().filter(x -> x.name().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("ORDER BY column '" + key
                            + "' is not a column of the new table"));
            if (parse(c).isNullable() && !modernTypes) {
                throw new IllegalArgumentException("ORDER BY column '" + key + "' is Nullable; this server does not"
                        + " allow Nullable sorting keys: choose another column or make it non-Nullable");
            }
        }
        if (definition.partitionBy() != null) {
            String key = definition.partitionBy().column();
            ColumnDefinition c = definition.columns().stream().filter(x -> x.name().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("PARTITION BY column '" + key
                            + "' is not a column of the new table"));
            ClickHouseType t = parse(c);
            boolean temporal = t.valueType() instanceof ClickHouseType.DateTime
                    || t.valueType() instanceof ClickHouseType.DateTime64
                    || t.valueType().equals(new ClickHouseType.Simple(ClickHouseType.Base.DATE))
                    || t.valueType().equals(new ClickHouseType.Simple(ClickHouseType.Base.DATE32));
            if (!temporal || t.isNullable()) {
                throw new IllegalArgumentException("PARTITION BY column '" + key
                        + "' must be a non-Nullable Date or DateTime column");
            }
        }
    }

    /**
     * The column list and engine clause: {@code (`a` Int64, …) ENGINE = MergeTree [PARTITION BY …] ORDER BY …}.
     *
     * @param extraColumns rendered column definitions appended after the user's (e.g. staging bookkeeping)
     */
    public static String body(TableDefinition definition, List<String> extraColumns) {
        String columns = definition.columns().stream()
                .map(c -> Identifiers.quote(c.name()) + " " + parse(c))
                .collect(Collectors.joining(", "));
        for (String extra : extraColumns) {
            columns += ", " + extra;
        }
        StringBuilder sql = new StringBuilder("(").append(columns).append(") ENGINE = MergeTree");
        if (definition.partitionBy() != null) {
            sql.append(" PARTITION BY ").append(definition.partitionBy().function().name()).append('(')
                    .append(Identifiers.quote(definition.partitionBy().column())).append(')');
        }
        sql.append(" ORDER BY ");
        if (definition.orderBy().isEmpty()) {
            sql.append("tuple()");
        } else {
            sql.append('(').append(definition.orderBy().stream().map(Identifiers::quote)
                    .collect(Collectors.joining(", "))).append(')');
        }
        return sql.toString();
    }

    /** The complete statement as the user sees it before it runs. */
    public static String createTable(String database, String table, TableDefinition definition) {
        return "CREATE TABLE " + Identifiers.qualified(database, table) + " " + body(definition, List.of());
    }

    /** Whether any column needs LowCardinality, which 18.16 only creates with an experimental setting. */
    public static boolean usesLowCardinality(TableDefinition definition) {
        return definition.columns().stream().anyMatch(c -> parse(c).toString().contains("LowCardinality("));
    }

    private static ClickHouseType parse(ColumnDefinition c) {
        ClickHouseType type;
        try {
            type = ClickHouseTypes.parse(c.type());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Column '" + c.name() + "': " + e.getMessage(), e);
        }
        if (type instanceof ClickHouseType.Unsupported u) {
            throw new IllegalArgumentException("Column '" + c.name() + "': " + u.reason());
        }
        return type;
    }
}
