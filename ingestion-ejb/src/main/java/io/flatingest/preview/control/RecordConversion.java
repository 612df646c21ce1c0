package io.flatingest.preview.control;

import io.flatingest.infrastructure.clickhouse.type.ClickHouseType;
import io.flatingest.infrastructure.clickhouse.type.ConversionException;
import io.flatingest.infrastructure.clickhouse.type.ConversionOptions;
import io.flatingest.infrastructure.clickhouse.type.FieldDecoder;
import io.flatingest.infrastructure.clickhouse.type.FieldEncoder;
import io.flatingest.infrastructure.clickhouse.type.FieldEncoders;
import io.flatingest.infrastructure.clickhouse.type.FieldFormatters;
import io.flatingest.infrastructure.clickhouse.type.FormatOptions;
import io.flatingest.infrastructure.clickhouse.type.RowBinaryInput;
import io.flatingest.infrastructure.clickhouse.type.RowBinaryOutput;
import io.flatingest.infrastructure.flatfile.FlatRecord;
import io.flatingest.preview.boundary.FilePreview.CellWarning;
import io.flatingest.preview.boundary.FilePreview.PreviewColumn;
import io.flatingest.preview.boundary.FilePreview.PreviewRow;
import io.flatingest.transfer.control.ImportParameters.MappedColumn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts a record the way the import's row processor does (same field-count check, same encoders, same raw
 * TabSeparated literals) and reads each encoded value back with the export's decoders, so that the preview shows
 * the value exactly as the table would hold it, or the reason the import would reject it.
 */
public final class RecordConversion {

    private static final int MAX_VALUE_IN_MESSAGE = 200;

    private final List<PreviewColumn> columns;
    private final int[] indices;
    private final FieldEncoder[] encoders;
    private final FieldDecoder[] decoders;
    private final boolean[] rawLiteral;
    private final int expectedFields;
    private final RowBinaryOutput out = new RowBinaryOutput();

    private RecordConversion(List<PreviewColumn> columns, FieldEncoder[] encoders, FieldDecoder[] decoders,
                             boolean[] rawLiteral, int expectedFields) {
        this.columns = List.copyOf(columns);
        this.indices = columns.stream().mapToInt(c -> c.filePosition() - 1).toArray();
        this.encoders = encoders;
        this.decoders = decoders;
        this.rawLiteral = rawLiteral;
        this.expectedFields = expectedFields;
    }

    /**
     * Conversion into table columns.
     *
     * @param mapping    file field index → table column, as the import planner resolved it
     * @param types      the table column types, in mapping order
     * @param options    the import's conversion options
     * @param serverZone the server's time zone (DateTime values are shown in it, as ClickHouse shows them)
     * @param tsv        whether the file is TSV (Array, Map and Tuple fields are then read raw, as the import does)
     * @param fieldCount the fields every record must have
     */
    public static RecordConversion typed(List<MappedColumn> mapping, List<ClickHouseType> types,
                                         ConversionOptions options, ZoneId serverZone, boolean tsv, int fieldCount) {
        int n = mapping.size();
        List<PreviewColumn> columns = new ArrayList<>();
        FieldEncoder[] encoders = new FieldEncoder[n];
        FieldDecoder[] decoders = new FieldDecoder[n];
        boolean[] raw = new boolean[n];
        FormatOptions format = FormatOptions.defaults().withServerZone(serverZone);
        for (int i = 0; i < n; i++) {
            ClickHouseType type = types.get(i);
            columns.add(new PreviewColumn(mapping.get(i).column(), type.toString(), mapping.get(i).index() + 1));
            encoders[i] = FieldEncoders.forType(type, options);
            try {
                decoders[i] = FieldFormatters.forType(type, format);
            } catch (IllegalArgumentException e) {
                decoders[i] = null; // shown as read
            }
            ClickHouseType v = type.valueType();
            raw[i] = tsv && (v instanceof ClickHouseType.Array || v instanceof ClickHouseType.MapType
                    || v instanceof ClickHouseType.Tuple);
        }
        return new RecordConversion(columns, encoders, decoders, raw, fieldCount);
    }

    /** No conversion: every field as read, under the given column names (one per field). */
    public static RecordConversion untyped(List<String> names) {
        List<PreviewColumn> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            columns.add(new PreviewColumn(names.get(i), null, i + 1));
        }
        return new RecordConversion(columns, null, null, new boolean[names.size()], names.size());
    }

    /** The preview's columns. */
    public List<PreviewColumn> columns() {
        return columns;
    }

    /** A converted record and what the import would reject in it. */
    public record Converted(PreviewRow row, List<CellWarning> warnings) {
    }

    /** Converts one record. */
    public Converted convert(FlatRecord record) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            values.add(null);
        }
        if (record.malformed()) {
            return recordRejected(record, values, record.problem());
        }
        String[] fields = record.fields();
        if (fields.length != expectedFields) {
            return recordRejected(record, values, "the record has " + fields.length + " field"
                    + (fields.length == 1 ? "" : "s") + ", expected " + expectedFields);
        }
        String[] rawFields = null;
        List<CellWarning> warnings = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String text = fields[indices[i]];
            if (rawLiteral[i]) {
                if (rawFields == null) {
                    rawFields = record.rawText().split("\t", -1);
                }
                if (rawFields.length == fields.length) {
                    text = rawFields[indices[i]];
                }
            }
            if (encoders == null) {
                values.set(i, text);
                continue;
            }
            try {
                values.set(i, typedValue(i, text));
            } catch (ConversionException e) {
                String column = columns.get(i).name();
                warnings.add(new CellWarning(record.line(), column, text, e.reason(), "Row " + record.number()
                        + " (line " + record.line() + ") column " + column + " value " + quoted(text)
                        + " would be rejected because " + e.reason()));
            }
        }
        return new Converted(new PreviewRow(record.line(), record.number(), values, !warnings.isEmpty()), warnings);
    }

    private String typedValue(int i, String text) throws ConversionException {
        out.reset();
        encoders[i].encode(text, out);
        if (decoders[i] == null) {
            return text;
        }
        try {
            return decoders[i].read(new RowBinaryInput(new ByteArrayInputStream(out.toByteArray())));
        } catch (IOException | RuntimeException e) {
            return text; // the value converts; only its display failed
        }
    }

    private static Converted recordRejected(FlatRecord record, List<String> values, String reason) {
        String message = "Row " + record.number() + " (line " + record.line() + ") would be rejected because "
                + reason;
        return new Converted(new PreviewRow(record.line(), record.number(), values, true),
                List.of(new CellWarning(record.line(), null, null, reason, message)));
    }

    private static String quoted(String text) {
        if (text == null) {
            return "NULL";
        }
        String shown = text.length() > MAX_VALUE_IN_MESSAGE ? text.substring(0, MAX_VALUE_IN_MESSAGE) + "…" : text;
        return "'" + shown + "'";
    }
}
