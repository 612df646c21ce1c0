package io.flatingest.schedule.control;

import io.flatingest.infrastructure.clickhouse.type.ConversionOptions.MissingValues;
import io.flatingest.infrastructure.flatfile.Dialect;
import io.flatingest.transfer.boundary.ExportCommand;
import io.flatingest.transfer.boundary.ExportCommand.Output;
import io.flatingest.transfer.boundary.ExportCommand.Source;
import io.flatingest.transfer.boundary.ImportCommand;
import io.flatingest.transfer.boundary.ImportCommand.ColumnDefinition;
import io.flatingest.transfer.boundary.ImportCommand.ColumnMapping;
import io.flatingest.transfer.boundary.ImportCommand.ErrorPolicy;
import io.flatingest.transfer.boundary.ImportCommand.Partitioning;
import io.flatingest.transfer.boundary.ImportCommand.TableDefinition;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A schedule's transfer command as JSON, in the shape of the bodies of {@code POST /api/jobs/imports} and
 * {@code POST /api/jobs/exports} with every field written out, so that what a schedule shows can be sent back.
 */
public final class TransferJson {

    private TransferJson() {
    }

    /** An import command as JSON. */
    public static JsonObject of(ImportCommand c) {
        Dialect d = c.dialect();
        JsonArrayBuilder nulls = Json.createArrayBuilder();
        d.nullTokens().forEach(nulls::add);
        JsonObjectBuilder dialect = Json.createObjectBuilder().add("format", d.format().name())
                .add("delimiter", String.valueOf(d.delimiter()))
                .add("quote", d.hasQuote() ? String.valueOf(d.quote()) : "").add("escape", d.escape().name())
                .add("header", d.header()).add("skipLines", d.skipLines()).add("nullTokens", nulls)
                .add("charset", d.encoding()).add("trim", d.trim());
        JsonArrayBuilder columns = Json.createArrayBuilder();
        for (ColumnMapping m : c.columns()) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("column", m.column());
            put(o, "source", m.source());
            if (m.position() != null) {
                o.add("position", m.position());
            }
            columns.add(o);
        }
        JsonObjectBuilder o = Json.createObjectBuilder().add("connection", c.connection());
        put(o, "file", c.file());
        o.add("dialect", dialect);
        put(o, "database", c.database());
        put(o, "table", c.table());
        o.add("columns", columns);
        if (c.createTable() != null) {
            o.add("createTable", table(c.createTable()));
        }
        o.add("errors", Json.createObjectBuilder().add("maxRejectedRows", c.errors().maxRejectedRows())
                .add("maxRejectedRatio", c.errors().maxRejectedRatio()));
        o.add("missingValues", c.missingValues().name());
        o.add("dateFormats", strings(c.dateFormats()));
        o.add("dateTimeFormats", strings(c.dateTimeFormats()));
        if (c.chunkSize() != null) {
            o.add("chunkSize", c.chunkSize());
        }
        return o.build();
    }

    /** An import command from its JSON. */
    public static ImportCommand importCommand(JsonObject o) {
        JsonObject d = o.getJsonObject("dialect");
        LinkedHashSet<String> nulls = new LinkedHashSet<>(strings(d.getJsonArray("nullTokens")));
        String quote = d.getString("quote");
        Dialect dialect = new Dialect(Dialect.Format.valueOf(d.getString("format")), d.getString("delimiter").charAt(0),
                quote.isEmpty() ? Dialect.NO_QUOTE : quote.charAt(0), Dialect.EscapeMode.valueOf(d.getString("escape")),
                d.getBoolean("header"), d.getInt("skipLines"), nulls, d.getString("charset"), d.getBoolean("trim"));
        List<ColumnMapping> columns = o.getJsonArray("columns").getValuesAs(JsonObject.class).stream()
                .map(m -> new ColumnMapping(text(m, "source"), m.containsKey("position") ? m.getInt("position") : null,
                        m.getString("column"))).toList();
        JsonObject errors = o.getJsonObject("errors");
        return new ImportCommand(o.getString("connection"), text(o, "file"), dialect, text(o, "database"),
                text(o, "table"), columns, o.containsKey("createTable") ? table(o.getJsonObject("createTable")) : null,
                new ErrorPolicy(errors.getJsonNumber("maxRejectedRows").longValue(),
                        errors.getJsonNumber("maxRejectedRatio").doubleValue()),
                MissingValues.valueOf(o.getString("missingValues")), strings(o.getJsonArray("dateFormats")),
                strings(o.getJsonArray("dateTimeFormats")), integer(o, "chunkSize"));
    }

    /** An export command as JSON. */
    public static JsonObject of(ExportCommand c) {
        Source s = c.source();
        Output f = c.output();
        JsonObjectBuilder o = Json.createObjectBuilder().add("connection", c.connection());
        put(o, "database", s.database());
        put(o, "table", s.table());
        o.add("columns", strings(s.columns()));
        put(o, "filter", s.filter());
        if (s.limit() != null) {
            o.add("limit", s.limit());
        }
        put(o, "query", s.query());
        o.add("orderBy", strings(s.orderBy()));
        JsonObjectBuilder out = Json.createObjectBuilder().add("format", f.format());
        put(out, "delimiter", f.delimiter() == null ? null : String.valueOf(f.delimiter()));
        put(out, "quote", f.quote() == null ? null : String.valueOf(f.quote()));
        out.add("quoteAll", f.quoteAll()).add("header", f.header());
        put(out, "nullToken", f.nullToken());
        put(out, "lineEnding", f.lineEnding());
        put(out, "charset", f.charset());
        out.add("bom", f.bom()).add("gzip", f.gzip());
        put(out, "fileName", f.fileName());
        out.add("overwrite", f.overwrite());
        put(out, "timeZone", f.timeZone());
        out.add("formulaProtection", f.formulaProtection()).add("keepFixedStringPadding", f.keepFixedStringPadding())
                .add("replaceInvalidUtf8", f.replaceInvalidUtf8());
        o.add("output", out);
        if (c.chunkSize() != null) {
            o.add("chunkSize", c.chunkSize());
        }
        return o.build();
    }

    /** An export command from its JSON. */
    public static ExportCommand exportCommand(JsonObject o) {
        JsonObject f = o.getJsonObject("output");
        Output output = new Output(f.getString("format"), character(f, "delimiter"), character(f, "quote"),
                f.getBoolean("quoteAll"), f.getBoolean("header"), text(f, "nullToken"), text(f, "lineEnding"),
                text(f, "charset"), f.getBoolean("bom"), f.getBoolean("gzip"), text(f, "fileName"),
                f.getBoolean("overwrite"), text(f, "timeZone"), f.getBoolean("formulaProtection"),
                f.getBoolean("keepFixedStringPadding"), f.getBoolean("replaceInvalidUtf8"));
        Source source = new Source(text(o, "database"), text(o, "table"), strings(o.getJsonArray("columns")),
                text(o, "filter"), o.containsKey("limit") && !o.isNull("limit") ? o.getJsonNumber("limit").longValue()
                : null, text(o, "query"), strings(o.getJsonArray("orderBy")));
        return new ExportCommand(o.getString("connection"), source, output, integer(o, "chunkSize"));
    }

    /** The same export writing to another file name. */
    public static ExportCommand withFileName(ExportCommand c, String fileName) {
        Output f = c.output();
        return new ExportCommand(c.connection(), c.source(), new Output(f.format(), f.delimiter(), f.quote(),
                f.quoteAll(), f.header(), f.nullToken(), f.lineEnding(), f.charset(), f.bom(), f.gzip(), fileName,
                f.overwrite(), f.timeZone(), f.formulaProtection(), f.keepFixedStringPadding(),
                f.replaceInvalidUtf8()), c.chunkSize());
    }

    /** The same import reading another file. */
    public static ImportCommand withFile(ImportCommand c, String file) {
        return new ImportCommand(c.connection(), file, c.dialect(), c.database(), c.table(), c.columns(),
                c.createTable(), c.errors(), c.missingValues(), c.dateFormats(), c.dateTimeFormats(), c.chunkSize());
    }

    /** Parses stored JSON. */
    public static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static JsonObject table(TableDefinition t) {
        JsonArrayBuilder columns = Json.createArrayBuilder();
        t.columns().forEach(c -> columns.add(Json.createObjectBuilder().add("name", c.name()).add("type", c.type())));
        JsonObjectBuilder o = Json.createObjectBuilder().add("columns", columns).add("orderBy", strings(t.orderBy()));
        if (t.partitionBy() != null) {
            o.add("partitionBy", Json.createObjectBuilder().add("function", t.partitionBy().function().name())
                    .add("column", t.partitionBy().column()));
        }
        return o.build();
    }

    private static TableDefinition table(JsonObject o) {
        List<ColumnDefinition> columns = o.getJsonArray("columns").getValuesAs(JsonObject.class).stream()
                .map(c -> new ColumnDefinition(c.getString("name"), c.getString("type"))).toList();
        JsonObject p = o.containsKey("partitionBy") && !o.isNull("partitionBy") ? o.getJsonObject("partitionBy") : null;
        return new TableDefinition(columns, strings(o.getJsonArray("orderBy")), p == null ? null
                : new Partitioning(Partitioning.Function.valueOf(p.getString("function")), p.getString("column")));
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }

    private static List<String> strings(JsonArray a) {
        return a == null ? List.of() : a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static void put(JsonObjectBuilder o, String name, String value) {
        if (value != null) {
            o.add(name, value);
        }
    }

    private static String text(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v instanceof JsonString s ? s.getString() : null;
    }

    private static Character character(JsonObject o, String name) {
        String s = text(o, name);
        return s == null || s.isEmpty() ? null : s.charAt(0);
    }

    private static Integer integer(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v instanceof JsonNumber n ? n.intValue() : null;
    }
}
