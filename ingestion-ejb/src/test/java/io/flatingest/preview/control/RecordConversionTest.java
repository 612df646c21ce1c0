package io.flatingest.preview.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flatingest.infrastructure.clickhouse.type.ClickHouseTypes;
import io.flatingest.infrastructure.clickhouse.type.ConversionOptions;
import io.flatingest.infrastructure.flatfile.FlatRecord;
import io.flatingest.preview.boundary.FilePreview.CellWarning;
import io.flatingest.preview.control.RecordConversion.Converted;
import io.flatingest.transfer.control.ImportParameters.MappedColumn;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordConversionTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private static FlatRecord record(long line, String... fields) {
        return new FlatRecord(line, line, line - 1, 0, 0, String.join(",", Arrays.stream(fields)
                .map(f -> f == null ? "" : f).toList()), fields, null);
    }

    private static RecordConversion conversion(ConversionOptions options) {
        // file: id, amount, day, note; the table takes amount → price Decimal(9,2), day → Date, id → UInt8
        return RecordConversion.typed(List.of(new MappedColumn(0, "id"), new MappedColumn(1, "price"),
                        new MappedColumn(2, "day")),
                List.of(ClickHouseTypes.parse("UInt8"), ClickHouseTypes.parse("Nullable(Decimal(9, 2))"),
                        ClickHouseTypes.parse("Date")), options, UTC, false, 4);
    }

    @Test
    void valuesShowAsTheTableWouldHoldThem() {
        Converted c = conversion(ConversionOptions.defaults(UTC)).convert(record(2, "7", "12.5", "2024-02-29", "x"));
        assertEquals(List.of("7", "12.50", "2024-02-29"), c.row().values());
        assertFalse(c.row().rejected());
        assertTrue(c.warnings().isEmpty());
        Converted nulls = conversion(ConversionOptions.defaults(UTC)).convert(record(3, "8", null, "2024-01-01", ""));
        assertNull(nulls.row().values().get(1));
        assertTrue(nulls.warnings().isEmpty());
    }

    @Test
    void everyBadCellIsNamedWithRowColumnValueAndReason() {
        Converted c = conversion(ConversionOptions.defaults(UTC)).convert(record(5, "300", "1.234", "2024-02-30", ""));
        assertTrue(c.row().rejected());
        assertEquals(Arrays.asList(null, null, null), c.row().values());
        assertEquals(List.of("id", "price", "day"), c.warnings().stream().map(CellWarning::column).toList());
        CellWarning id = c.warnings().get(0);
        assertEquals(5, id.line());
        assertEquals("300", id.value());
        assertTrue(id.message().startsWith("Row 4 (line 5) column id value '300' would be rejected because "),
                id.message());
        assertTrue(id.message().endsWith(id.reason()));
    }

    @Test
    void missingValuesFollowThePolicy() {
        FlatRecord empty = record(2, "", "1", "2024-01-01", "");
        Converted rejected = conversion(ConversionOptions.defaults(UTC)).convert(empty);
        assertEquals("id", rejected.warnings().get(0).column());
        assertTrue(rejected.warnings().get(0).reason().contains("not Nullable"), rejected.warnings().get(0).reason());
        Converted defaulted = conversion(ConversionOptions.defaults(UTC)
                .withMissingValues(ConversionOptions.MissingValues.TYPE_DEFAULT)).convert(empty);
        assertEquals("0", defaulted.row().values().get(0));
        assertTrue(defaulted.warnings().isEmpty());
    }

    @Test
    void wholeRecordsAreRejectedForTheirShape() {
        RecordConversion conversion = conversion(ConversionOptions.defaults(UTC));
        Converted shortRecord = conversion.convert(record(9, "1", "2"));
        assertEquals(1, shortRecord.warnings().size());
        assertNull(shortRecord.warnings().get(0).column());
        assertEquals("the record has 2 fields, expected 4", shortRecord.warnings().get(0).reason());
        Converted malformed = conversion.convert(new FlatRecord(10, 10, 9, 0, 0, "\"open", null,
                "unterminated quote (line 10)"));
        assertTrue(malformed.row().rejected());
        assertEquals("Row 9 (line 10) would be rejected because unterminated quote (line 10)",
                malformed.warnings().get(0).message());
    }

    @Test
    void withoutATableFieldsShowAsRead() {
        RecordConversion conversion = RecordConversion.untyped(List.of("a", "b"));
        assertEquals(List.of("a", "b"), conversion.columns().stream().map(c -> c.name()).toList());
        assertNull(conversion.columns().get(0).type());
        Converted c = conversion.convert(new FlatRecord(2, 2, 1, 0, 0, "x,", new String[] {"x", null}, null));
        assertEquals(Arrays.asList("x", null), c.row().values());
        assertTrue(conversion.convert(record(3, "only")).row().rejected());
    }

    @Test
    void tsvArrayFieldsAreReadRawAsTheImportReadsThem() {
        RecordConversion conversion = RecordConversion.typed(List.of(new MappedColumn(1, "tags")),
                List.of(ClickHouseTypes.parse("Array(String)")), ConversionOptions.defaults(UTC), UTC, true, 2);
        String raw = "1\t['a\\'b','c']";
        Converted c = conversion.convert(new FlatRecord(2, 2, 1, 0, 0, raw, new String[] {"1", "['a'b','c']"}, null));
        assertTrue(c.warnings().isEmpty(), () -> c.warnings().toString());
        assertEquals("['a\\'b','c']", c.row().values().get(0));
    }
}
