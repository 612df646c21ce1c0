package io.flatingest.transfer.control;

import io.flatingest.infrastructure.flatfile.Dialect;
import io.flatingest.transfer.boundary.ImportCommand.ColumnDefinition;
import io.flatingest.transfer.boundary.ImportCommand.Partitioning;
import io.flatingest.transfer.boundary.ImportCommand.TableDefinition;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The job parameters of {@code file-import} and how structured values travel in them (job parameters are
 * strings; dialect, column mapping and table definition go as small JSON documents).
 */
public final class ImportParameters {

    /** The import's own id: names its staging table in ClickHouse (see StagedImport). */
    public static final String IMPORT_ID = "importId";
    /** Connection profile name. */
    public static final String CONNECTION = "connection";
    /** File path relative to the landing directory. */
    public static final String FILE = "file";
    /** File size in bytes when the import was started: a restart refuses a changed file. */
    public static final String FILE_SIZE = "fileSize";
    /** File modification time (epoch ms) when the import was started. */
    public static final String FILE_MODIFIED = "fileModified";
    /** The dialect as JSON ({@link #dialect(String)}). */
    public static final String DIALECT = "dialect";
    /** Number of fields every record must have. */
    public static final String FIELD_COUNT = "fieldCount";
    /** Target database. */
    public static final String DATABASE = "database";
    /** Target table. */
    public static final String TABLE = "table";
    /** Table to create, as JSON, or empty. */
    public static final String CREATE_TABLE = "createTable";
    /** Column mapping as JSON: [{"index": 0-based file index, "column": table column}]. */
    public static final String COLUMNS = "columns";
    /** -1, 0 or N (see ErrorPolicy). */
    public static final String MAX_REJECTED_ROWS = "maxRejectedRows";
    /** -1 or 0..1 (see ErrorPolicy). */
    public static final String MAX_REJECTED_RATIO = "maxRejectedRatio";
    /** REJECT or TYPE_DEFAULT. */
    public static final String MISSING_VALUES = "missingValues";
    /** Extra date patterns as a JSON array. */
    public static final String DATE_FORMATS = "dateFormats";
    /** Extra date-time patterns as a JSON array. */
    public static final String DATE_TIME_FORMATS = "dateTimeFormats";
    /** Rows per chunk. */
    public static final String CHUNK_SIZE = "chunkSize";
    /** Who started the import. */
    public static final String SUBMITTED_BY = "submittedBy";

    private ImportParameters() {
    }

    /** A dialect as JSON. */
    public static String dialect(Dialect d) {
        JsonArrayBuilder nulls = Json.createArrayBuilder();
        d.nullTokens().forEach(nulls::add);
        return Json.createObjectBuilder()
                .add("format", d.format().name())
                .add("delimiter", String.valueOf(d.delimiter()))
                .add("quote", d.hasQuote() ? String.valueOf(d.quote()) : "")
                .add("escape", d.escape().name())
                .add("header", d.header())
                .add("skipLines", d.skipLines())
                .add("nullTokens", nulls)
                .add("encoding", d.encoding())
                .add("trim", d.trim())
                .build().toString();
    }

    /** A dialect from its JSON. */
    public static Dialect dialect(String json) {
        JsonObject o = object(json);
        Set<String> nulls = new LinkedHashSet<>();
        o.getJsonArray("nullTokens").getValuesAs(jakarta.json.JsonString.class).forEach(s -> nulls.add(s.getString()));
        String quote = o.getString("quote");
        return new Dialect(Dialect.Format.valueOf(o.getString("format")), o.getString("delimiter").charAt(0),
                quote.isEmpty() ? Dialect.NO_QUOTE : quote.charAt(0), Dialect.EscapeMode.valueOf(o.getString("escape")),
                o.getBoolean("header"), o.getInt("skipLines"), nulls, o.getString("encoding"), o.getBoolean("trim"));
    }

    /** A resolved mapping: 0-based file field index feeding a table column. */
    public record MappedColumn(int index, String column) {
    }

    /** Mapped columns as JSON. */
    public static String columns(List<MappedColumn> columns) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        columns.forEach(c -> a.add(Json.createObjectBuilder().add("index", c.index()).add("column", c.column())));
        return a.build().toString();
    }

    /** Mapped columns from their JSON. */
    public static List<MappedColumn> columns(String json) {
        List<MappedColumn> result = new ArrayList<>();
        for (JsonValue v : array(json)) {
            JsonObject o = v.asJsonObject();
            result.add(new MappedColumn(o.getInt("index"), o.getString("column")));
        }
        return result;
    }

    /** A table definition as JSON (empty string for none). */
    public static String table(TableDefinition t) {
        if (t == null) {
            return "";
        }
        JsonArrayBuilder cols = Json.createArrayBuilder();
        t.columns().forEach(c -> cols.add(Json.createObjectBuilder().add("name", c.name()).add("type", c.type())));
        JsonArrayBuilder order = Json.createArrayBuilder();
        t.orderBy().forEach(order::add);
        JsonObjectBuilder b = Json.createObjectBuilder().add("columns", cols).add("orderBy", order);
        if (t.partitionBy() != null) {
            b.add("partitionBy", Json.createObjectBuilder().add("function", t.partitionBy().function().name())
                    .add("column", t.partitionBy().column()));
        }
        return b.build().toString();
    }

    /** A table definition from its JSON, or null for an empty string. */
    public static TableDefinition table(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        JsonObject o = object(json);
        List<ColumnDefinition> cols = o.getJsonArray("columns").stream().map(JsonValue::asJsonObject)
                .map(c -> new ColumnDefinition(c.getString("name"), c.getString("type"))).toList();
        List<String> order = strings(o.getJsonArray("orderBy").toString());
        Partitioning p = null;
        if (o.containsKey("partitionBy")) {
            JsonObject po = o.getJsonObject("partitionBy");
            p = new Partitioning(Partitioning.Function.valueOf(po.getString("function")), po.getString("column"));
        }
        return new TableDefinition(cols, order, p);
    }

    /** A list of strings as a JSON array. */
    public static String strings(List<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.forEach(a::add);
        return a.build().toString();
    }

    /** A list of strings from a JSON array (empty for blank). */
    public static List<String> strings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return array(json).getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
                .toList();
    }

    private static JsonObject object(String json) {
        try (var r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    private static JsonArray array(String json) {
        try (var r = Json.createReader(new StringReader(json))) {
            return r.readArray();
        }
    }
}
