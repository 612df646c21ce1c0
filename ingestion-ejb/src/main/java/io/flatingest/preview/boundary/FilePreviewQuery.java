package io.flatingest.preview.boundary;

import io.flatingest.infrastructure.clickhouse.type.ConversionOptions.MissingValues;
import io.flatingest.infrastructure.flatfile.Dialect;
import io.flatingest.transfer.boundary.ImportCommand;
import io.flatingest.transfer.boundary.ImportCommand.ColumnMapping;
import io.flatingest.transfer.boundary.ImportCommand.TableDefinition;
import java.util.List;

/**
 * What to preview of a file: the same fields as an {@link ImportCommand}, all but the file optional.
 *
 * @param connection      connection profile ({@code default} when null)
 * @param file            path relative to the landing directory
 * @param dialect         how the file is written; null to use the detected dialect
 * @param database        target database; with {@code table}, the rows are converted into its column types
 * @param table           target table; null to show the fields as read, without conversion
 * @param columns         file column → table column, as for an import (empty: by header name)
 * @param createTable     a table to be created by the import (its types are used; it need not exist)
 * @param missingValues   what NULL or an empty field becomes in a non-Nullable column
 * @param dateFormats     extra date patterns
 * @param dateTimeFormats extra date-time patterns
 * @param rows            how many records to show (1..{@link PreviewService#MAX_ROWS}, default
 *                        {@link PreviewService#DEFAULT_ROWS})
 */
public record FilePreviewQuery(String connection, String file, Dialect dialect, String database, String table,
                               List<ColumnMapping> columns, TableDefinition createTable, MissingValues missingValues,
                               List<String> dateFormats, List<String> dateTimeFormats, Integer rows) {

    /** A preview of a file as read, with the detected dialect. */
    public static FilePreviewQuery of(String file) {
        return new FilePreviewQuery(null, file, null, null, null, null, null, null, null, null, null);
    }

    /** Whether the rows are converted into a table's types. */
    public boolean typed() {
        return table != null && !table.isBlank();
    }

    /** The import this preview stands for, with the given dialect. */
    ImportCommand toImport(Dialect effective) {
        return new ImportCommand(connection, file, effective, database, table, columns, createTable,
                ImportCommand.ErrorPolicy.skipAll(), missingValues, dateFormats, dateTimeFormats, null);
    }
}
