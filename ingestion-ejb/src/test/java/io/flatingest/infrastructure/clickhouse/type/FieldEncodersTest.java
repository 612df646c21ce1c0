package io.flatingest.infrastructure.clickhouse.type;

import static io.flatingest.infrastructure.clickhouse.type.Encoding.UTC;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.assertBytes;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.encode;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.hex;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldEncodersTest {

    private static final ConversionOptions DEFAULTS = UTC.withMissingValues(ConversionOptions.MissingValues.TYPE_DEFAULT);

    @Test
    void rejectsNullAndEmptyInNonNullableColumnsByDefault() {
        assertEquals("NULL is not allowed: column type Int32 is not Nullable", reason("Int32", null));
        assertEquals("NULL is not allowed: column type String is not Nullable", reason("String", null));
        assertEquals("an empty value is not allowed: column type Int32 is not Nullable", reason("Int32", ""));
        assertEquals("an empty value is not allowed: column type Array(UInt8) is not Nullable", reason("Array(UInt8)", ""));
        assertEquals("an empty value is not allowed: column type LowCardinality(Date) is not Nullable",
                reason("LowCardinality(Date)", ""));
    }

    @Test
    void keepsEmptyTextWhereTheTypeCanHoldIt() throws ConversionException {
        assertBytes("00", "String", "");
        assertBytes("0000", "FixedString(2)", "");
        assertBytes("0000", "Nullable(String)", "");
        assertBytes("00", "LowCardinality(String)", "");
        assertBytes("05", "Enum8('' = 5, 'a' = 1)", "");
        assertBytes("0005", "Nullable(Enum8('' = 5, 'a' = 1))", "");
    }

    @Test
    void makesNullAndEmptyNullInNullableColumns() throws ConversionException {
        assertBytes("01", "Nullable(Int32)", null);
        assertBytes("01", "Nullable(Int32)", "");
        assertBytes("01", "Nullable(String)", null);
        assertBytes("01", "LowCardinality(Nullable(String))", null);
        assertBytes("01", "Nullable(Enum8('a' = 1))", "");
        assertBytes("002a000000", "Nullable(Int32)", "42");
        assertEquals("'x' is not a valid Int32", reason("Nullable(Int32)", "x"));
    }

    @ParameterizedTest
    @CsvSource({
        "Int8, 00", "UInt64, 0000000000000000", "Float32, 00000000", "Float64, 0000000000000000",
        "'Decimal(9, 2)', 00000000", "'Decimal(38, 2)', 00000000000000000000000000000000", "String, 00",
        "FixedString(3), 000000", "Date, 0000", "Date32, 00000000", "DateTime, 00000000",
        "DateTime('Asia/Kolkata'), 00000000", "DateTime64(3), 0000000000000000", "UUID, 00000000000000000000000000000000",
        "Bool, 00", "IPv4, 00000000", "IPv6, 00000000000000000000000000000000", "'Enum8(''b'' = 2, ''a'' = -1)', ff",
        "'Enum16(''b'' = 300, ''a'' = 200)', c800", "Array(String), 00", "'Map(String, UInt8)', 00",
        "'Tuple(UInt8, String, Nullable(Int8), Array(UInt8))', 00000100", "LowCardinality(String), 00",
        "Int256, 0000000000000000000000000000000000000000000000000000000000000000",
    })
    void writesTheTypeDefaultWhenAskedTo(String type, String hex) throws ConversionException {
        assertEquals(hex, hex(encode(type, null, DEFAULTS)), type);
        if (!type.contains("String") || type.startsWith("Tuple") || type.startsWith("Map")) {
            assertEquals(hex, hex(encode(type, "", DEFAULTS)), type);
        }
    }

    @Test
    void keepsEmptyStringsAndNullableNullsUnderTypeDefaults() throws ConversionException {
        assertBytes("00", "String", "");
        assertEquals("01", hex(encode("Nullable(Int32)", null, DEFAULTS)));
        assertEquals("00", hex(encode("String", "", DEFAULTS)));
        assertEquals("array element 1: an empty value is not a valid Int32", reason("Array(Int32)", "['']", DEFAULTS));
        assertEquals("array element 1: NULL is not allowed: element type Int32 is not Nullable",
                reason("Array(Int32)", "[NULL]", DEFAULTS));
        assertEquals("'x' is not a valid Int32", reason("Int32", "x", DEFAULTS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AggregateFunction(sum, UInt64)", "JSON", "Nothing", "Nullable(Nothing)",
        "Array(AggregateFunction(uniq, String))", "Nullable(Array(Int32))", "Map(String, Variant(Int8, String))",
        "Tuple(Int8, Object('json'))", "Point", "DateTime('No/Such_Zone')"})
    void refusesTypesItCannotImportNamingThem(String text) {
        ClickHouseType type = ClickHouseTypes.parse(text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FieldEncoders.forType(type, UTC));
        assertTrue(e.getMessage().startsWith("Column type " + type + " cannot be imported: "), e.getMessage());
    }

    @Test
    void rollsBackAFailedRow() throws ConversionException {
        List<FieldEncoder> row = List.of(FieldEncoders.forType(ClickHouseTypes.parse("String"), UTC),
                FieldEncoders.forType(ClickHouseTypes.parse("Array(UInt8)"), UTC));
        RowBinaryOutput out = new RowBinaryOutput();
        row.get(0).encode("kept", out);
        row.get(1).encode("[1]", out);
        int mark = out.position();
        row.get(0).encode("dropped", out);
        ConversionException e = assertThrows(ConversionException.class, () -> row.get(1).encode("[1, 2, 999]", out));
        assertEquals("array element 3: 999 is out of range for UInt8 (0..255)", e.reason());
        out.truncate(mark);
        assertEquals("046b657074" + "0101", hex(out.toByteArray()));
    }

    @Test
    void shortensLongValuesInReasons() {
        String reason = reason("Int32", "x".repeat(1000));
        assertTrue(reason.length() < 100, reason);
        assertTrue(reason.contains("…"), reason);
    }
}
