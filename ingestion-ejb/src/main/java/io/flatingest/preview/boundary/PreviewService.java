package io.flatingest.preview.boundary;

import io.flatingest.catalog.boundary.CatalogService;
import io.flatingest.infrastructure.clickhouse.ClickHouseAccessException;
import io.flatingest.infrastructure.clickhouse.ClickHouseGateway;
import io.flatingest.infrastructure.clickhouse.ClickHouseTableCatalog.ColumnInfo;
import io.flatingest.infrastructure.clickhouse.Identifiers;
import io.flatingest.infrastructure.clickhouse.SqlFragments;
import io.flatingest.infrastructure.clickhouse.type.ClickHouseType;
import io.flatingest.infrastructure.clickhouse.type.ClickHouseTypes;
import io.flatingest.infrastructure.flatfile.DetectedDialect;
import io.flatingest.infrastructure.flatfile.Dialect;
import io.flatingest.infrastructure.flatfile.DialectDetector;
import io.flatingest.infrastructure.flatfile.FlatFileReader;
import io.flatingest.infrastructure.flatfile.FlatRecord;
import io.flatingest.infrastructure.flatfile.Header;
import io.flatingest.infrastructure.flatfile.schema.SchemaInference;
import io.flatingest.infrastructure.flatfile.schema.TableProposal;
import io.flatingest.preview.boundary.FilePreview.CellWarning;
import io.flatingest.preview.boundary.FilePreview.PreviewRow;
import io.flatingest.preview.control.RecordConversion;
import io.flatingest.transfer.boundary.ImportCommand;
import io.flatingest.transfer.boundary.ImportCommand.ColumnDefinition;
import io.flatingest.transfer.boundary.ImportCommand.TableDefinition;
import io.flatingest.transfer.control.ExportPlanner;
import io.flatingest.transfer.control.ImportFiles;
import io.flatingest.transfer.control.ImportParameters;
import io.flatingest.transfer.control.ImportParameters.MappedColumn;
import io.flatingest.transfer.control.ImportPlanner;
import io.flatingest.transfer.control.TableDdl;
import io.flatingest.transfer.control.TransferPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Previews for the console's wizards and the REST API: a file as the import would read and convert it, the first
 * rows of a table or query, the proposed table for a file. Nothing is written anywhere; queries run read-only.
 */
@ApplicationScoped
public class PreviewService {

    /** Rows shown when the caller names no number. */
    public static final int DEFAULT_ROWS = 20;

    /** Most rows a preview shows. */
    public static final int MAX_ROWS = 1000;

    /** Records a schema proposal samples when the caller names no number. */
    public static final int DEFAULT_SAMPLE_ROWS = 1000;

    /** Most records a schema proposal samples. */
    public static final int MAX_SAMPLE_ROWS = 100_000;

    @Inject
    ImportFiles files;

    @Inject
    ImportPlanner planner;

    @Inject
    CatalogService catalog;

    /**
     * The first records of a file: read with the caller's dialect or the detected one and, when a target table is
     * named, converted into its column types with the import's mapping and converters.
     *
     * @throws IllegalArgumentException naming the field and value at fault (file, dialect, table, mapping, …)
     * @throws java.util.NoSuchElementException for an unknown connection
     */
    public FilePreview previewFile(FilePreviewQuery query) {
        int limit = limit("rows", query.rows(), DEFAULT_ROWS, MAX_ROWS);
        Path path = files.source(query.file());
        DetectedDialect detected = detect(path, query.file());
        Dialect dialect = query.dialect() != null ? query.dialect() : detected.dialect();
        checkDialect(dialect);
        RecordConversion conversion = query.typed() ? typedConversion(query, dialect) : null;
        try (FlatFileReader reader = FlatFileReader.open(path, dialect)) {
            List<String> header = reader.header().map(Header::names).orElse(null);
            List<FlatRecord> records = new ArrayList<>();
            FlatRecord record;
            while (records.size() < limit && (record = reader.read()) != null) {
                records.add(record);
            }
            boolean complete = records.size() < limit || reader.read() == null;
            if (conversion == null) {
                conversion = RecordConversion.untyped(fileColumns(header, records));
            }
            List<PreviewRow> rows = new ArrayList<>();
            List<CellWarning> warnings = new ArrayList<>();
            for (FlatRecord r : records) {
                RecordConversion.Converted converted = conversion.convert(r);
                rows.add(converted.row());
                warnings.addAll(converted.warnings());
            }
            return new FilePreview(query.file(), Files.size(path), dialect, detected, header, conversion.columns(),
                    rows, warnings, complete);
        } catch (IOException e) {
            throw new IllegalArgumentException("File '" + query.file() + "' cannot be read with this dialect: "
                    + e.getMessage(), e);
        }
    }

    private RecordConversion typedConversion(FilePreviewQuery query, Dialect dialect) {
        ImportCommand command = query.toImport(dialect);
        TransferPlan plan = planner.plan(command, null);
        List<MappedColumn> mapping = ImportParameters.columns(plan.parameters().getProperty(ImportParameters.COLUMNS));
        int fieldCount = Integer.parseInt(plan.parameters().getProperty(ImportParameters.FIELD_COUNT));
        Map<String, ClickHouseType> types = command.createTable() != null
                ? command.createTable().columns().stream().collect(Collectors.toMap(ColumnDefinition::name,
                        c -> ClickHouseTypes.parse(c.type())))
                : catalog.columns(command.connection(), command.database(), command.table()).stream()
                        .collect(Collectors.toMap(ColumnInfo::name, ColumnInfo::type));
        ClickHouseGateway gateway = catalog.gateway(command.connection());
        return RecordConversion.typed(mapping, mapping.stream().map(m -> types.get(m.column())).toList(),
                ImportPlanner.options(command, gateway), gateway.serverInfo().timeZone(),
                dialect.format() == Dialect.Format.TSV, fieldCount);
    }

    /** Header names, or {@code column_1 … column_N} for the widest well-formed record. */
    static List<String> fileColumns(List<String> header, List<FlatRecord> records) {
        if (header != null) {
            return header;
        }
        int width = records.stream().filter(r -> !r.malformed()).mapToInt(FlatRecord::fieldCount).max().orElse(0);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
            names.add("column_" + i);
        }
        return names;
    }

    /**
     * The first rows of a table.
     *
     * @throws IllegalArgumentException for an invalid name
     * @throws java.util.NoSuchElementException when the table or connection does not exist
     */
    public RowsPreview previewTable(String connection, String database, String table, Integer rows) {
        int limit = limit("rows", rows, DEFAULT_ROWS, MAX_ROWS);
        Identifiers.requireValid("database", database);
        Identifiers.requireValid("table", table);
        List<ColumnInfo> columns = catalog.columns(connection(connection), database, table).stream()
                .filter(c -> !"ALIAS".equals(c.defaultKind())).toList();
        String select = columns.stream().map(c -> Identifiers.quote(c.name())).collect(Collectors.joining(", "));
        List<String[]> result = catalog.gateway(connection(connection)).queryRows("SELECT " + select + " FROM "
                + Identifiers.qualified(database, table) + " LIMIT " + limit, ExportPlanner.QUERY_SETTINGS);
        return new RowsPreview(columns.stream().map(c -> new RowsPreview.ResultColumn(c.name(), c.typeText()))
                .toList(), rows(result));
    }

    /**
     * The first rows of a query: one read-only SELECT, checked as an export's query is, run with
     * {@code readonly=2}.
     *
     * @throws IllegalArgumentException when the query is not one SELECT or ClickHouse refuses it
     */
    public RowsPreview previewQuery(String connection, String query, Integer rows) {
        int limit = limit("rows", rows, DEFAULT_ROWS, MAX_ROWS);
        String select = SqlFragments.requireSelect(query);
        ClickHouseGateway gateway = catalog.gateway(connection(connection));
        try {
            List<RowsPreview.ResultColumn> columns = gateway.queryRows("DESCRIBE TABLE (" + select + ")",
                    ExportPlanner.QUERY_SETTINGS).stream().map(r -> new RowsPreview.ResultColumn(r[0], r[1])).toList();
            List<String[]> result = gateway.queryRows("SELECT * FROM (" + select + ") LIMIT " + limit,
                    ExportPlanner.QUERY_SETTINGS);
            return new RowsPreview(columns, rows(result));
        } catch (ClickHouseAccessException e) {
            if (e.isTransient()) {
                throw e;
            }
            throw new IllegalArgumentException("The query is not accepted by ClickHouse: " + e.getMessage(), e);
        }
    }

    /**
     * The proposed table for a file: types inferred from a sample of its records (read with the caller's or the
     * detected dialect), rendered as the CREATE TABLE the import would run.
     *
     * @param database   database of the new table ({@code default} when null)
     * @param table      name of the new table (from the file name when null)
     * @param sampleRows records to sample (default {@value #DEFAULT_SAMPLE_ROWS})
     */
    public SchemaProposal proposeSchema(String connection, String file, Dialect dialect, String database,
                                        String table, Integer sampleRows) {
        int limit = limit("sampleRows", sampleRows, DEFAULT_SAMPLE_ROWS, MAX_SAMPLE_ROWS);
        Path path = files.source(file);
        DetectedDialect detected = detect(path, file);
        Dialect effective = dialect != null ? dialect : detected.dialect();
        checkDialect(effective);
        String db = database == null || database.isBlank() ? "default" : database;
        String name = table == null || table.isBlank() ? tableName(path.getFileName().toString()) : table;
        Identifiers.requireValid("database", db);
        Identifiers.requireValid("table", name);
        boolean modern = catalog.gateway(connection(connection)).serverInfo().supportsModernTypes();
        TableProposal proposal;
        try (FlatFileReader reader = FlatFileReader.open(path, effective)) {
            List<String> header = reader.header().map(Header::names).orElse(null);
            List<FlatRecord> records = new ArrayList<>();
            FlatRecord record;
            while (records.size() < limit && (record = reader.read()) != null) {
                records.add(record);
            }
            proposal = SchemaInference.fromRecords(header, records, modern);
        } catch (IOException e) {
            throw new IllegalArgumentException("File '" + file + "' cannot be read with this dialect: "
                    + e.getMessage(), e);
        }
        if (proposal.columns().isEmpty()) {
            throw new IllegalArgumentException("File '" + file + "' has no columns to propose a table for");
        }
        TableDefinition definition = definition(proposal);
        TableDdl.validate(definition, modern);
        return new SchemaProposal(effective, detected, proposal, definition, TableDdl.createTable(db, name,
                definition));
    }

    /** The proposal as an import's {@code createTable}. */
    static TableDefinition definition(TableProposal proposal) {
        List<ColumnDefinition> columns = proposal.columns().stream()
                .map(c -> new ColumnDefinition(c.name(), c.type())).toList();
        List<String> orderBy = "tuple()".equals(proposal.orderBy()) ? List.of() : List.of(proposal.orderBy());
        return new TableDefinition(columns, orderBy, null);
    }

    /** A table name from a file name: extensions dropped, other characters than letters, digits and _ replaced. */
    static String tableName(String fileName) {
        int dot = fileName.indexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        String name = base.replaceAll("[^A-Za-z0-9_]", "_");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0)) && name.charAt(0) != '_') {
            name = "t_" + name;
        }
        return name.length() > Identifiers.MAX_LENGTH ? name.substring(0, Identifiers.MAX_LENGTH) : name;
    }

    private static DetectedDialect detect(Path path, String file) {
        try {
            return DialectDetector.detect(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("File '" + file + "' cannot be read: " + e.getMessage(), e);
        }
    }

    private static void checkDialect(Dialect dialect) {
        List<String> problems = dialect.validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Dialect: " + String.join("; ", problems));
        }
    }

    static int limit(String name, Integer value, int defaultValue, int max) {
        if (value == null) {
            return defaultValue;
        }
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + " must be between 1 and " + max + ", got " + value);
        }
        return value;
    }

    private static String connection(String connection) {
        return connection == null || connection.isBlank() ? CatalogService.DEFAULT_CONNECTION : connection;
    }

    private static List<List<String>> rows(List<String[]> result) {
        return result.stream().map(r -> java.util.Collections.unmodifiableList(Arrays.asList(r)))
                .map(Function.<List<String>>identity()).toList();
    }
}
