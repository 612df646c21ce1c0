package io.flatingest.transfer.control;

import io.flatingest.catalog.boundary.CatalogService;
import io.flatingest.infrastructure.clickhouse.ClickHouseAccessException;
import io.flatingest.infrastructure.clickhouse.ClickHouseGateway;
import io.flatingest.infrastructure.clickhouse.ClickHouseTableCatalog;
import io.flatingest.infrastructure.clickhouse.ClickHouseTableCatalog.ColumnInfo;
import io.flatingest.infrastructure.clickhouse.Identifiers;
import io.flatingest.infrastructure.clickhouse.SqlFragments;
import io.flatingest.infrastructure.clickhouse.type.ClickHouseType;
import io.flatingest.infrastructure.clickhouse.type.ClickHouseTypes;
import io.flatingest.infrastructure.flatfile.ConfinedPaths;
import io.flatingest.infrastructure.flatfile.write.ExportFileOptions;
import io.flatingest.infrastructure.flatfile.write.ExportFileWriter;
import io.flatingest.transfer.boundary.ExportCommand;
import io.flatingest.transfer.boundary.ExportCommand.Output;
import io.flatingest.transfer.boundary.ExportCommand.Source;
import io.flatingest.transfer.control.ExportParameters.ColumnType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Checks an export before anything runs and turns it into job parameters: the source exists and every column's
 * type can be written, the filter or query is one read-only expression or SELECT (and the server accepts it), the
 * key columns exist, and the file name is free and inside the export directory.
 */
@ApplicationScoped
public class ExportPlanner {

    /** Rows per chunk when the command names none. */
    public static final int DEFAULT_CHUNK_SIZE = 50_000;

    /** Settings every export query runs with: read-only, and big sorts spill to disk instead of failing. */
    public static final Map<String, String> QUERY_SETTINGS = Map.of("readonly", "2",
            "max_bytes_before_external_sort", "1000000000");

    @Inject
    CatalogService catalog;

    @Inject
    TransferDirectories directories;

    /**
     * Validates the command and returns the job parameters.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public TransferPlan plan(ExportCommand command, String submittedBy) {
        ClickHouseGateway gateway = catalog.gateway(command.connection());
        Source source = command.source();
        Properties p = new Properties();
        List<ColumnType> columns;
        List<ColumnType> keys;
        if (source.query() != null) {
            if (source.table() != null) {
                throw new IllegalArgumentException("Give either a table or a query, not both");
            }
            String query = SqlFragments.requireSelect(source.query());
            columns = describe(gateway, "(" + query + ")");
            p.setProperty(ExportParameters.SELECT, "*");
            p.setProperty(ExportParameters.FROM, "(" + query + ")");
            keys = new ArrayList<>();
            for (String key : source.orderBy()) {
                keys.add(columns.stream().filter(c -> c.name().equals(key)).findFirst().orElseThrow(() ->
                        new IllegalArgumentException("ORDER BY column '" + key + "' is not a column of the query's result")));
            }
        } else {
            TableSource table = tableSource(gateway, source);
            columns = table.columns();
            keys = table.keys();
            p.setProperty(ExportParameters.SELECT, String.join(", ", columns.stream()
                    .map(c -> Identifiers.quote(c.name())).toList()));
            p.setProperty(ExportParameters.FROM, Identifiers.qualified(source.database(), source.table()));
        }
        for (ColumnType c : columns) {
            ClickHouseType type = ClickHouseTypes.parse(c.type());
            if (type instanceof ClickHouseType.Unsupported u) {
                throw new IllegalArgumentException("Column '" + c.name() + "' has type " + u.text()
                        + ", which cannot be written to a file: export an expression of it instead (in a query),"
                        + " e.g. toString(" + c.name() + ") or finalizeAggregation(" + c.name() + ")");
            }
        }
        String filter = source.filter() == null ? "" : SqlFragments.requireFilter(source.filter());
        if (source.limit() != null && source.limit() < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        p.setProperty(ExportParameters.FILTER, filter);
        p.setProperty(ExportParameters.LIMIT, source.limit() == null ? "" : Long.toString(source.limit()));
        p.setProperty(ExportParameters.KEY_COLUMNS, ExportParameters.columns(keys));
        List<String> keyNames = keys.stream().map(ColumnType::name).toList();
        p.setProperty(ExportParameters.TIE_BREAK, ImportParameters.strings(keys.isEmpty() ? List.of()
                : columns.stream().filter(c -> !keyNames.contains(c.name())).map(ExportPlanner::sortExpression)
                .toList()));
        p.setProperty(ExportParameters.COLUMNS, ExportParameters.columns(columns));
        verifyQuery(gateway, p);

        Output out = command.output();
        ExportFileOptions options = options(out);
        String fileName = fileName(out, source, options);
        p.setProperty(ExportParameters.EXPORT_ID, StagedImport.newImportId());
        p.setProperty(ExportParameters.CONNECTION, command.connection());
        p.setProperty(ExportParameters.FILE_NAME, fileName);
        p.setProperty(ExportParameters.FILE_OPTIONS, ExportParameters.options(options));
        if (out.timeZone() != null && !out.timeZone().isBlank()) {
            try {
                ZoneId.of(out.timeZone());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Unknown time zone '" + out.timeZone() + "'");
            }
        }
        p.setProperty(ExportParameters.TIME_ZONE, out.timeZone() == null ? "" : out.timeZone());
        p.setProperty(ExportParameters.FORMULA_PROTECTION, Boolean.toString(out.formulaProtection()));
        p.setProperty(ExportParameters.FIXED_STRING_PADDING, Boolean.toString(out.keepFixedStringPadding()));
        p.setProperty(ExportParameters.REPLACE_INVALID_UTF8, Boolean.toString(out.replaceInvalidUtf8()));
        int chunkSize = command.chunkSize() == null ? DEFAULT_CHUNK_SIZE : command.chunkSize();
        if (chunkSize < 1 || chunkSize > 1_000_000) {
            throw new IllegalArgumentException("chunkSize must be between 1 and 1000000, got " + chunkSize);
        }
        p.setProperty(ExportParameters.CHUNK_SIZE, Integer.toString(chunkSize));
        p.setProperty(ExportParameters.SUBMITTED_BY, submittedBy == null ? "" : submittedBy);
        String what = source.query() != null ? "ClickHouse query " + abbreviate(source.query())
                : "ClickHouse table " + source.database() + "." + source.table()
                + (filter.isEmpty() ? "" : " where " + abbreviate(filter));
        return new TransferPlan(p, what + " on connection " + command.connection(), "file " + fileName + " ("
                + options.format() + (options.gzip() ? ", gzip" : "") + ")", null);
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 297) + "..." : oneLine;
    }

    /** How a column takes part in ordering: itself, or its text where the type has no order (maps). */
    static String sortExpression(ColumnType column) {
        String quoted = Identifiers.quote(column.name());
        return column.type().contains("Map(") ? "toString(" + quoted + ")" : quoted;
    }

    private record TableSource(List<ColumnType> columns, List<ColumnType> keys) {
    }

    private TableSource tableSource(ClickHouseGateway gateway, Source source) {
        Identifiers.requireValid("database", source.database());
        Identifiers.requireValid("table", source.table());
        ClickHouseTableCatalog tables = new ClickHouseTableCatalog(gateway);
        List<ColumnInfo> all = tables.columns(source.database(), source.table());
        if (all.isEmpty()) {
            throw new IllegalArgumentException("Table " + source.database() + "." + source.table() + " does not exist");
        }
        List<ColumnType> columns = new ArrayList<>();
        if (source.columns().isEmpty()) {
            all.stream().filter(c -> c.defaultKind() == null || !c.defaultKind().equals("ALIAS"))
                    .forEach(c -> columns.add(new ColumnType(c.name(), c.typeText())));
        } else {
            for (String name : source.columns()) {
                ColumnInfo c = all.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(() ->
                        new IllegalArgumentException("Column '" + name + "' is not a column of " + source.database()
                                + "." + source.table()));
                if (columns.stream().anyMatch(x -> x.name().equals(name))) {
                    throw new IllegalArgumentException("Column '" + name + "' is listed twice");
                }
                columns.add(new ColumnType(c.name(), c.typeText()));
            }
        }
        List<String> keyNames = source.orderBy().isEmpty() ? sortingKeyColumns(tables, source, all)
                : source.orderBy();
        List<ColumnType> keys = new ArrayList<>();
        for (String key : keyNames) {
            ColumnInfo c = all.stream().filter(x -> x.name().equals(key)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("ORDER BY column '" + key + "' is not a column of the table"));
            if (c.type().isNullable()) {
                throw new IllegalArgumentException("ORDER BY column '" + key + "' is Nullable: choose non-Nullable"
                        + " columns (they order the export and mark where a restart continues)");
            }
            keys.add(new ColumnType(c.name(), c.typeText()));
        }
        return new TableSource(columns, keys);
    }

    /** The leading plain columns of the table's sorting key (expressions end the usable prefix). */
    private static List<String> sortingKeyColumns(ClickHouseTableCatalog tables, Source source, List<ColumnInfo> all) {
        String sortingKey = tables.table(source.database(), source.table()).map(t -> t.sortingKey()).orElse(null);
        List<String> keys = new ArrayList<>();
        if (sortingKey == null || sortingKey.isBlank()) {
            return keys;
        }
        for (String part : sortingKey.split(",")) {
            String name = part.strip();
            if (name.startsWith("`") && name.endsWith("`")) {
                name = name.substring(1, name.length() - 1);
            }
            String candidate = name;
            boolean plainColumn = all.stream().anyMatch(c -> c.name().equals(candidate) && !c.type().isNullable());
            if (!plainColumn) {
                break;
            }
            keys.add(candidate);
        }
        return keys;
    }

    private static List<ColumnType> describe(ClickHouseGateway gateway, String from) {
        try {
            return gateway.queryRows("DESCRIBE TABLE " + from, QUERY_SETTINGS).stream()
                    .map(r -> new ColumnType(r[0], r[1])).toList();
        } catch (ClickHouseAccessException e) {
            throw new IllegalArgumentException("The query is not accepted by ClickHouse: " + e.getMessage(), e);
        }
    }

    /** Runs the export's query without rows: ClickHouse checks the filter, the key and the ordering. */
    private static void verifyQuery(ClickHouseGateway gateway, Properties p) {
        String sql = "SELECT * FROM (" + ExportQuery.from(p).sql(null, 0) + ") LIMIT 0";
        try {
            gateway.queryRows(sql, QUERY_SETTINGS);
        } catch (ClickHouseAccessException e) {
            throw new IllegalArgumentException("ClickHouse refuses the export's query: " + e.getMessage(), e);
        }
    }

    private static ExportFileOptions options(Output out) {
        try {
            ExportFileOptions o = "TSV".equalsIgnoreCase(out.format()) ? ExportFileOptions.tsv()
                    : "CSV".equalsIgnoreCase(out.format()) || out.format() == null ? ExportFileOptions.csv() : null;
            if (o == null) {
                throw new IllegalArgumentException("format must be CSV or TSV, got '" + out.format() + "'");
            }
            if (o.format() == ExportFileOptions.Format.CSV) {
                if (out.delimiter() != null) {
                    o = o.withDelimiter(out.delimiter());
                }
                if (out.quote() != null) {
                    o = o.withQuoteChar(out.quote());
                }
            }
            o = o.withQuoteAll(out.quoteAll()).withHeader(out.header());
            if (out.nullToken() != null) {
                o = o.withNullToken(out.nullToken());
            }
            if (out.lineEnding() != null) {
                o = o.withLineEnding(switch (out.lineEnding().toUpperCase()) {
                    case "LF" -> "\n";
                    case "CRLF" -> "\r\n";
                    default -> throw new IllegalArgumentException("lineEnding must be LF or CRLF");
                });
            }
            if (out.charset() != null) {
                o = o.withCharset(Charset.forName(out.charset()));
            }
            return o.withBom(out.bom()).withGzip(out.gzip()).withOverwrite(out.overwrite());
        } catch (java.nio.charset.IllegalCharsetNameException | java.nio.charset.UnsupportedCharsetException e) {
            throw new IllegalArgumentException("Unknown charset '" + out.charset() + "'", e);
        }
    }

    private String fileName(Output out, Source source, ExportFileOptions options) {
        String name = out.fileName();
        if (name == null || name.isBlank()) {
            String base = source.table() != null ? source.table() : "query";
            name = base.replaceAll("[^A-Za-z0-9_.-]", "_") + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                    + (options.format() == ExportFileOptions.Format.TSV ? ".tsv" : ".csv") + (options.gzip() ? ".gz" : "");
        }
        ConfinedPaths.fileNameProblem(name).ifPresent(problem -> {
            throw new IllegalArgumentException("File name '" + out.fileName() + "' refused: " + problem);
        });
        Path target;
        try {
            target = new ConfinedPaths(directories.export()).resolve(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Files.exists(target) && !out.overwrite()) {
            throw new IllegalArgumentException("File '" + name + "' exists in the export directory: choose another"
                    + " name or allow overwriting");
        }
        if (Files.exists(ExportFileWriter.temporaryFileFor(target))) {
            throw new IllegalArgumentException("Another export to '" + name + "' has not finished (it may await a"
                    + " restart or to be abandoned): choose another name");
        }
        return name;
    }
}
