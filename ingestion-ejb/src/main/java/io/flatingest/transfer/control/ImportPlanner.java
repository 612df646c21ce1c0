package io.flatingest.transfer.control;

import io.flatingest.catalog.boundary.CatalogService;
import io.flatingest.infrastructure.clickhouse.ClickHouseGateway;
import io.flatingest.infrastructure.clickhouse.ClickHouseTableCatalog;
import io.flatingest.infrastructure.clickhouse.ClickHouseTableCatalog.ColumnInfo;
import io.flatingest.infrastructure.clickhouse.Identifiers;
import io.flatingest.infrastructure.clickhouse.type.ClickHouseType;
import io.flatingest.infrastructure.clickhouse.type.ClickHouseTypes;
import io.flatingest.infrastructure.clickhouse.type.ConversionOptions;
import io.flatingest.infrastructure.clickhouse.type.FieldEncoders;
import io.flatingest.infrastructure.flatfile.FlatFileReader;
import io.flatingest.infrastructure.flatfile.FlatRecord;
import io.flatingest.infrastructure.flatfile.Header;
import io.flatingest.transfer.boundary.ImportCommand;
import io.flatingest.transfer.boundary.ImportCommand.ColumnMapping;
import io.flatingest.transfer.control.ImportParameters.MappedColumn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an import before anything runs and turns it into job parameters: the file is inside the landing directory
 * and readable with the dialect, the target exists (or the new table's definition is valid and the name free), every
 * mapped file column has a table column whose type can be imported, and the options are well-formed. Every problem
 * is reported with the field and value it concerns.
 */
@ApplicationScoped
public class ImportPlanner {

    /**
     * Rows per chunk when the command names none. Measured with scripts/benchmark.sh (2 M rows, 8 columns): 100 000
     * gives ClickHouse inserts large enough that the server's CPU per row falls by a fifth against 50 000, with the
     * same heap after GC (about 205 MB); 200 000 doubled the heap after GC for no further gain.
     */
    public static final int DEFAULT_CHUNK_SIZE = 100_000;

    @Inject
    ImportFiles files;

    @Inject
    CatalogService catalog;

    /** What the file looks like from its first records. */
    public record FileShape(List<String> header, int fieldCount) {
    }

    /**
     * Validates the command and returns the job parameters.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public TransferPlan plan(ImportCommand command, String submittedBy) {
        List<String> dialectProblems = command.dialect().validate();
        if (!dialectProblems.isEmpty()) {
            throw new IllegalArgumentException("Dialect: " + String.join("; ", dialectProblems));
        }
        Path path = files.source(command.file());
        FileShape shape = shape(path, command);
        ClickHouseGateway gateway = catalog.gateway(command.connection());
        boolean modern = gateway.serverInfo().supportsModernTypes();
        Identifiers.requireValid("database", command.database());
        Identifiers.requireValid("table", command.table());
        ClickHouseTableCatalog tables = new ClickHouseTableCatalog(gateway);
        Map<String, ColumnInfo> targetColumns = targetColumns(command, tables, modern);
        List<MappedColumn> mapping = mapping(command, shape, targetColumns);
        ConversionOptions options = options(command, gateway);
        for (MappedColumn m : mapping) {
            ClickHouseType type = targetColumns.get(m.column()).type();
            try {
                FieldEncoders.forType(type, options);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Column '" + m.column() + "': " + e.getMessage(), e);
            }
        }
        int chunkSize = command.chunkSize() == null ? DEFAULT_CHUNK_SIZE : command.chunkSize();
        if (chunkSize < 1 || chunkSize > 1_000_000) {
            throw new IllegalArgumentException("chunkSize must be between 1 and 1000000, got " + chunkSize);
        }
        Properties p = new Properties();
        try {
            p.setProperty(ImportParameters.FILE_SIZE, Long.toString(Files.size(path)));
            p.setProperty(ImportParameters.FILE_MODIFIED, Long.toString(Files.getLastModifiedTime(path).toMillis()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p.setProperty(ImportParameters.IMPORT_ID, StagedImport.newImportId());
        p.setProperty(ImportParameters.CONNECTION, command.connection());
        p.setProperty(ImportParameters.FILE, command.file());
        p.setProperty(ImportParameters.DIALECT, ImportParameters.dialect(command.dialect()));
        p.setProperty(ImportParameters.FIELD_COUNT, Integer.toString(shape.fieldCount()));
        p.setProperty(ImportParameters.DATABASE, command.database());
        p.setProperty(ImportParameters.TABLE, command.table());
        p.setProperty(ImportParameters.CREATE_TABLE, ImportParameters.table(command.createTable()));
        p.setProperty(ImportParameters.COLUMNS, ImportParameters.columns(mapping));
        p.setProperty(ImportParameters.MAX_REJECTED_ROWS, Long.toString(command.errors().maxRejectedRows()));
        p.setProperty(ImportParameters.MAX_REJECTED_RATIO, Double.toString(command.errors().maxRejectedRatio()));
        p.setProperty(ImportParameters.MISSING_VALUES, command.missingValues().name());
        p.setProperty(ImportParameters.DATE_FORMATS, ImportParameters.strings(command.dateFormats()));
        p.setProperty(ImportParameters.DATE_TIME_FORMATS, ImportParameters.strings(command.dateTimeFormats()));
        p.setProperty(ImportParameters.CHUNK_SIZE, Integer.toString(chunkSize));
        p.setProperty(ImportParameters.SUBMITTED_BY, submittedBy == null ? "" : submittedBy);
        long size = Long.parseLong(p.getProperty(ImportParameters.FILE_SIZE));
        return new TransferPlan(p, "file " + command.file() + " (" + size + " bytes, " + command.dialect().format() + ")",
                "ClickHouse table " + command.database() + "." + command.table() + (command.createTable() != null
                ? " (new)" : "") + " on connection " + command.connection(), size);
    }

    /** The header (or none) and the number of fields of the file's first record. */
    public FileShape shape(Path path, ImportCommand command) {
        try (FlatFileReader reader = FlatFileReader.open(path, command.dialect())) {
            Optional<Header> header = reader.header();
            if (header.isPresent()) {
                List<String> names = header.get().names();
                return new FileShape(names, names.size());
            }
            FlatRecord first = reader.read();
            while (first != null && (first.blank() || first.malformed())) {
                first = reader.read();
            }
            if (first == null) {
                throw new IllegalArgumentException("File '" + command.file() + "' has no records");
            }
            return new FileShape(null, first.fieldCount());
        } catch (IOException e) {
            throw new IllegalArgumentException("File '" + command.file() + "' cannot be read: " + e.getMessage(), e);
        }
    }

    private Map<String, ColumnInfo> targetColumns(ImportCommand command, ClickHouseTableCatalog tables, boolean modern) {
        Map<String, ColumnInfo> result = new LinkedHashMap<>();
        if (command.createTable() != null) {
            TableDdl.validate(command.createTable(), modern);
            if (tables.table(command.database(), command.table()).isPresent()) {
                throw new IllegalArgumentException("Table " + command.database() + "." + command.table()
                        + " exists already: import into it, or choose another name for the new table");
            }
            if (!tables.databases().contains(command.database())) {
                throw new IllegalArgumentException("Database " + command.database() + " does not exist");
            }
            command.createTable().columns().forEach(c -> result.put(c.name(), new ColumnInfo(c.name(), c.type(),
                    ClickHouseTypes.parse(c.type()), null, null, false, false)));
            return result;
        }
        List<ColumnInfo> columns = tables.columns(command.database(), command.table());
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("Table " + command.database() + "." + command.table()
                    + " does not exist");
        }
        columns.forEach(c -> result.put(c.name(), c));
        return result;
    }

    private List<MappedColumn> mapping(ImportCommand command, FileShape shape, Map<String, ColumnInfo> target) {
        List<MappedColumn> result = command.columns().isEmpty() ? automatic(shape, target)
                : explicit(command.columns(), shape, target);
        Set<String> seen = new HashSet<>();
        for (MappedColumn m : result) {
            ColumnInfo column = target.get(m.column());
            if (column == null) {
                throw new IllegalArgumentException("Table column '" + m.column() + "' does not exist");
            }
            if (!column.insertable()) {
                throw new IllegalArgumentException("Table column '" + m.column() + "' is " + column.defaultKind()
                        + " (computed by ClickHouse) and cannot be imported into");
            }
            if (!seen.add(m.column())) {
                throw new IllegalArgumentException("Table column '" + m.column() + "' is mapped twice");
            }
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("No file column is mapped to a table column");
        }
        return result;
    }

    private static List<MappedColumn> explicit(List<ColumnMapping> mappings, FileShape shape,
                                               Map<String, ColumnInfo> target) {
        List<MappedColumn> result = new ArrayList<>();
        for (ColumnMapping m : mappings) {
            int index;
            if (m.position() != null) {
                if (m.position() < 1 || m.position() > shape.fieldCount()) {
                    throw new IllegalArgumentException("File column position " + m.position() + " for table column '"
                            + m.column() + "' is outside 1.." + shape.fieldCount());
                }
                index = m.position() - 1;
            } else if (m.source() != null) {
                if (shape.header() == null) {
                    throw new IllegalArgumentException("File column '" + m.source() + "' is named, but the file has"
                            + " no header: map by position");
                }
                index = uniqueIndex(shape.header(), m.source());
            } else {
                throw new IllegalArgumentException("The mapping for table column '" + m.column()
                        + "' names no file column (source name or position)");
            }
            result.add(new MappedColumn(index, m.column() == null ? shape.header().get(index) : m.column()));
        }
        return result;
    }

    private static int uniqueIndex(List<String> header, String name) {
        int found = -1;
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(name)) {
                if (found >= 0) {
                    throw new IllegalArgumentException("File column '" + name + "' appears twice in the header: map by"
                            + " position");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("File column '" + name + "' is not in the header (" + header + ")");
        }
        return found;
    }

    private static List<MappedColumn> automatic(FileShape shape, Map<String, ColumnInfo> target) {
        List<String> insertable = target.values().stream().filter(ColumnInfo::insertable).map(ColumnInfo::name).toList();
        if (shape.header() != null) {
            Map<String, String> byLowerCase = new LinkedHashMap<>();
            insertable.forEach(n -> byLowerCase.merge(n.toLowerCase(Locale.ROOT), n, (a, b) -> "")); // "" = ambiguous
            List<MappedColumn> result = new ArrayList<>();
            List<String> unmatched = new ArrayList<>();
            for (int i = 0; i < shape.header().size(); i++) {
                String name = shape.header().get(i);
                String column = insertable.contains(name) ? name : byLowerCase.get(name.toLowerCase(Locale.ROOT));
                if (column == null || column.isEmpty()) {
                    unmatched.add(name);
                } else {
                    result.add(new MappedColumn(i, column));
                }
            }
            if (!unmatched.isEmpty()) {
                if (result.isEmpty() && shape.fieldCount() == insertable.size()) {
                    return positional(shape.fieldCount(), insertable);
                }
                throw new IllegalArgumentException("File columns without a table column of the same name: "
                        + unmatched.stream().collect(Collectors.joining(", "))
                        + ". Map the columns explicitly, leaving out those not to import.");
            }
            return result;
        }
        if (shape.fieldCount() != insertable.size()) {
            throw new IllegalArgumentException("The file has no header and " + shape.fieldCount() + " fields while the"
                    + " table has " + insertable.size() + " columns: map the columns explicitly");
        }
        return positional(shape.fieldCount(), insertable);
    }

    private static List<MappedColumn> positional(int fields, List<String> columns) {
        List<MappedColumn> result = new ArrayList<>();
        for (int i = 0; i < fields; i++) {
            result.add(new MappedColumn(i, columns.get(i)));
        }
        return result;
    }

    /** The conversion options of an import: the server's time zone, missing values, extra date patterns. */
    public static ConversionOptions options(ImportCommand command, ClickHouseGateway gateway) {
        try {
            return ConversionOptions.defaults(gateway.serverInfo().timeZone())
                    .withMissingValues(command.missingValues())
                    .withDatePatterns(command.dateFormats().toArray(String[]::new))
                    .withDateTimePatterns(command.dateTimeFormats().toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Date format: " + e.getMessage(), e);
        }
    }
}
