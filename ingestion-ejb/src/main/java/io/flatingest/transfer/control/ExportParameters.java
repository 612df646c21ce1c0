package io.flatingest.transfer.control;

import io.flatingest.infrastructure.flatfile.write.ExportFileOptions;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.util.List;

/** The job parameters of {@code file-export}; structured values travel as small JSON documents. */
public final class ExportParameters {

    /** The export's own id (names nothing outside the application; shows in query ids). */
    public static final String EXPORT_ID = "exportId";
    /** Connection profile name. */
    public static final String CONNECTION = "connection";
    /** The SELECT list (quoted columns, or {@code *} for a query source). */
    public static final String SELECT = "select";
    /** The FROM clause: a quoted table or a parenthesised query. */
    public static final String FROM = "from";
    /** WHERE expression, empty for none. */
    public static final String FILTER = "filter";
    /** Row limit, empty for none. */
    public static final String LIMIT = "limit";
    /** Key columns with their types (JSON [{name, type}]): deterministic order and resume point; empty: none. */
    public static final String KEY_COLUMNS = "keyColumns";
    /** SQL expressions ordering rows with equal keys (JSON array; built by the planner from column names). */
    public static final String TIE_BREAK = "tieBreak";
    /** The exported columns with their types (JSON [{name, type}]), checked again when the export runs. */
    public static final String COLUMNS = "columns";
    /** Target file name in the export directory. */
    public static final String FILE_NAME = "fileName";
    /** File options as JSON ({@link #options(ExportFileOptions)}). */
    public static final String FILE_OPTIONS = "fileOptions";
    /** Zone for DateTime values, empty for each column's own. */
    public static final String TIME_ZONE = "timeZone";
    /** Whether text cells that look like spreadsheet formulas get a leading quote. */
    public static final String FORMULA_PROTECTION = "formulaProtection";
    /** Whether FixedString values keep their trailing zero bytes. */
    public static final String FIXED_STRING_PADDING = "keepFixedStringPadding";
    /** Whether invalid UTF-8 in a String is replaced (true) or fails the export (false). */
    public static final String REPLACE_INVALID_UTF8 = "replaceInvalidUtf8";
    /** Rows per chunk. */
    public static final String CHUNK_SIZE = "chunkSize";
    /** Who started the export. */
    public static final String SUBMITTED_BY = "submittedBy";

    private ExportParameters() {
    }

    /** An exported column: its name in the file and its ClickHouse type. */
    public record ColumnType(String name, String type) {
    }

    /** Columns as JSON. */
    public static String columns(List<ColumnType> columns) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        columns.forEach(c -> a.add(Json.createObjectBuilder().add("name", c.name()).add("type", c.type())));
        return a.build().toString();
    }

    /** Columns from JSON. */
    public static List<ColumnType> columns(String json) {
        try (var r = Json.createReader(new StringReader(json))) {
            return r.readArray().stream().map(JsonValue::asJsonObject)
                    .map(o -> new ColumnType(o.getString("name"), o.getString("type"))).toList();
        }
    }

    /** File options as JSON. */
    public static String options(ExportFileOptions o) {
        return Json.createObjectBuilder()
                .add("format", o.format().name())
                .add("delimiter", String.valueOf(o.delimiter()))
                .add("quote", String.valueOf(o.quoteChar()))
                .add("quoteAll", o.quoteAll())
                .add("header", o.header())
                .add("nullToken", o.nullToken())
                .add("lineEnding", o.lineEnding())
                .add("charset", o.charset().name())
                .add("bom", o.bom())
                .add("gzip", o.gzip())
                .add("compressionLevel", o.compressionLevel())
                .add("overwrite", o.overwrite())
                .build().toString();
    }

    /** File options from JSON. */
    public static ExportFileOptions options(String json) {
        JsonObject o;
        try (var r = Json.createReader(new StringReader(json))) {
            o = r.readObject();
        }
        ExportFileOptions base = o.getString("format").equals("TSV") ? ExportFileOptions.tsv() : ExportFileOptions.csv();
        return base.withDelimiter(o.getString("delimiter").charAt(0))
                .withQuoteChar(o.getString("quote").charAt(0))
                .withQuoteAll(o.getBoolean("quoteAll"))
                .withHeader(o.getBoolean("header"))
                .withNullToken(o.getString("nullToken"))
                .withLineEnding(o.getString("lineEnding"))
                .withCharset(Charset.forName(o.getString("charset")))
                .withBom(o.getBoolean("bom"))
                .withGzip(o.getBoolean("gzip"))
                .withCompressionLevel(o.getInt("compressionLevel"))
                .withOverwrite(o.getBoolean("overwrite"));
    }
}
