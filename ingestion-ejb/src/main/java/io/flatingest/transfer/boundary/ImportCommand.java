package io.flatingest.transfer.boundary;

import io.flatingest.infrastructure.clickhouse.type.ConversionOptions.MissingValues;
import io.flatingest.infrastructure.flatfile.Dialect;
import java.util.List;
import java.util.Objects;

/**
 * Everything an import needs: which file, how to read it, where its columns go, and what to do with bad rows.
 * Built by the REST API, the console and the scheduler alike; validated by {@link TransferService#startImport}.
 *
 * @param connection     ClickHouse connection profile ({@code default} for the configured server)
 * @param file           path of the file relative to the landing directory
 * @param dialect        how the file is written (format, delimiter, quotes, escapes, header, nulls, charset)
 * @param database       target database
 * @param table          target table; must exist unless {@code createTable} is given
 * @param columns        file column → table column; empty means "by header name, every column of the file"
 * @param createTable    the new table to create (null for an existing table)
 * @param errors         what to do with rows that cannot be converted
 * @param missingValues  what NULL or an empty field becomes in a non-Nullable column
 * @param dateFormats    extra date patterns (java.time syntax, e.g. {@code dd/MM/yyyy}) tried after ISO
 * @param dateTimeFormats extra date-time patterns tried after ISO
 * @param chunkSize      rows per chunk (checkpoint interval and INSERT size); null for the default
 */
public record ImportCommand(String connection, String file, Dialect dialect, String database, String table,
                            List<ColumnMapping> columns, TableDefinition createTable, ErrorPolicy errors,
                            MissingValues missingValues, List<String> dateFormats, List<String> dateTimeFormats,
                            Integer chunkSize) {

    public ImportCommand {
        connection = connection == null || connection.isBlank() ? "default" : connection;
        Objects.requireNonNull(dialect, "dialect");
        columns = columns == null ? List.of() : List.copyOf(columns);
        errors = errors == null ? ErrorPolicy.FAIL_ON_FIRST : errors;
        missingValues = missingValues == null ? MissingValues.REJECT : missingValues;
        dateFormats = dateFormats == null ? List.of() : List.copyOf(dateFormats);
        dateTimeFormats = dateTimeFormats == null ? List.of() : List.copyOf(dateTimeFormats);
    }

    /**
     * One file column feeding one table column. The file column is named by its header name or, for files
     * without a header (or to disambiguate), by its 1-based position.
     *
     * @param source   header name of the file column, or null when {@code position} is given
     * @param position 1-based position of the file column, or null when {@code source} is given
     * @param column   the table column
     */
    public record ColumnMapping(String source, Integer position, String column) {

        /** A mapping by header name. */
        public static ColumnMapping byName(String source, String column) {
            return new ColumnMapping(source, null, column);
        }

        /** A mapping by 1-based file position. */
        public static ColumnMapping byPosition(int position, String column) {
            return new ColumnMapping(null, position, column);
        }
    }

    /**
     * How many bad rows an import tolerates. Bad rows always go to the reject file; beyond the limits the import
     * fails and publishes nothing.
     *
     * @param maxRejectedRows  -1 for no limit, 0 to fail on the first bad row, N to fail on the N+1st
     * @param maxRejectedRatio -1 for no limit, else the largest tolerated share of bad rows (0..1), checked at the
     *                         end of the file
     */
    public record ErrorPolicy(long maxRejectedRows, double maxRejectedRatio) {

        /** Fail on the first bad row. */
        public static final ErrorPolicy FAIL_ON_FIRST = new ErrorPolicy(0, -1);

        public ErrorPolicy {
            if (maxRejectedRows < -1) {
                throw new IllegalArgumentException("maxRejectedRows must be -1 (no limit) or at least 0");
            }
            if (maxRejectedRatio != -1 && (maxRejectedRatio < 0 || maxRejectedRatio > 1)) {
                throw new IllegalArgumentException("maxRejectedRatio must be -1 (no limit) or between 0 and 1");
            }
        }

        /** Skip bad rows without any limit (they are still counted and written to the reject file). */
        public static ErrorPolicy skipAll() {
            return new ErrorPolicy(-1, -1);
        }
    }

    /**
     * A table to create for the import, shown to the user as DDL before it runs.
     *
     * @param columns     the columns in order
     * @param orderBy     sorting key columns (empty for {@code tuple()})
     * @param partitionBy optional partitioning of a Date/DateTime column (null for none)
     */
    public record TableDefinition(List<ColumnDefinition> columns, List<String> orderBy, Partitioning partitionBy) {

        public TableDefinition {
            columns = List.copyOf(columns);
            orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("A new table needs at least one column");
            }
        }
    }

    /** A column of a new table: its name and ClickHouse type (e.g. {@code Nullable(Decimal(18, 2))}). */
    public record ColumnDefinition(String name, String type) {
    }

    /** Partitioning by a function of a date or date-time column. */
    public record Partitioning(Function function, String column) {

        /** The partitioning functions offered. */
        public enum Function { toYYYYMM, toYYYYMMDD, toYear, toMonday }
    }
}
