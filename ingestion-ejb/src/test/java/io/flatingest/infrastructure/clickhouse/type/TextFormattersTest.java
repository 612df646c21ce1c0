package io.flatingest.infrastructure.clickhouse.type;

import static io.flatingest.infrastructure.clickhouse.type.Decode.bytes;
import static io.flatingest.infrastructure.clickhouse.type.Decode.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class TextFormattersTest {

    private static final FormatOptions REPLACE = FormatOptions.defaults()
            .withInvalidUtf8(FormatOptions.InvalidUtf8.REPLACE);
    private static final FormatOptions GUARDED = FormatOptions.defaults().withFormulaProtection(true);

    @Test
    void stringsAsTheirUtf8() {
        String tricky = "a,b \"q\" 'x'\n\r\tz é€𝄞 \\ \0";
        assertEquals(tricky, text("String", bytes().string(tricky)));
        assertEquals("", text("String", bytes().string("")));
        String large = "ü".repeat(300_000); // larger than the input buffer
        assertEquals(large, text("String", bytes().string(large)));
    }

    @Test
    void invalidUtf8IsRefusedByDefault() {
        byte[] bad = {'o', 'k', (byte) 0xFF, 'A'};
        RowBinaryInput in = bytes().string(bad).input();
        FieldDecoder d = FieldFormatters.forType(ClickHouseTypes.parse("String"), FormatOptions.defaults());
        DecodingException e = assertThrows(DecodingException.class, () -> d.read(in));
        assertTrue(e.getMessage().contains("0xFF at offset 2"), e.getMessage());
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80}; // CESU-style surrogate: not UTF-8
        assertThrows(java.io.UncheckedIOException.class, () -> text("String", bytes().string(surrogate)));
        assertThrows(java.io.UncheckedIOException.class, () -> text("FixedString(2)", bytes().raw(0xC3, 0x28)));
    }

    @Test
    void invalidUtf8ReplacedWhenAllowed() {
        assertEquals("ok\uFFFDA", text("String", REPLACE, bytes().string(new byte[] {'o', 'k', (byte) 0xFF, 'A'})));
    }

    @Test
    void aRealReplacementCharacterIsNotAnError() {
        assertEquals("x\uFFFDy", text("String", bytes().string("x\uFFFDy")));
    }

    @Test
    void fixedStringTrimsTrailingZerosUnlessKept() {
        assertEquals("ab", text("FixedString(4)", bytes().raw('a', 'b', 0, 0)));
        assertEquals("a\0b", text("FixedString(4)", bytes().raw('a', 0, 'b', 0)));
        assertEquals("", text("FixedString(3)", bytes().raw(0, 0, 0)));
        assertEquals("abcd", text("FixedString(4)", bytes().raw('a', 'b', 'c', 'd')));
        FormatOptions keep = FormatOptions.defaults().withKeepFixedStringPadding(true);
        assertEquals("ab\0\0", text("FixedString(4)", keep, bytes().raw('a', 'b', 0, 0)));
        assertEquals("é", text("FixedString(3)", bytes().raw(0xC3, 0xA9, 0)));
    }

    @Test
    void enumAsItsName() {
        String type = "Enum8('a' = 1, 'b' = -2, 'it\\'s' = 127)";
        assertEquals("b", text(type, bytes().i8(-2)));
        assertEquals("it's", text(type, bytes().i8(127)));
        assertEquals("x", text("Enum16('x' = 1000, 'y' = -32768)", bytes().i16(1000)));
        assertEquals("y", text("Enum16('x' = 1000, 'y' = -32768)", bytes().i16(-32768)));
        RowBinaryInput in = bytes().i8(5).input();
        FieldDecoder d = FieldFormatters.forType(ClickHouseTypes.parse(type), FormatOptions.defaults());
        DecodingException e = assertThrows(DecodingException.class, () -> d.read(in));
        assertTrue(e.getMessage().contains("value 5"), e.getMessage());
    }

    @Test
    void formulaProtectionOnlyForStringTypedColumns() {
        assertEquals("'=1+1", text("String", GUARDED, bytes().string("=1+1")));
        assertEquals("'-5", text("String", GUARDED, bytes().string("-5")));
        assertEquals("'+1", text("String", GUARDED, bytes().string("+1")));
        assertEquals("'@SUM(A1)", text("String", GUARDED, bytes().string("@SUM(A1)")));
        assertEquals("'\tx", text("String", GUARDED, bytes().string("\tx")));
        assertEquals("'\rx", text("String", GUARDED, bytes().string("\rx")));
        assertEquals("a=b", text("String", GUARDED, bytes().string("a=b")));
        assertEquals("", text("String", GUARDED, bytes().string("")));
        assertEquals("'=x", text("FixedString(3)", GUARDED, bytes().raw('=', 'x', 0)));
        assertEquals("'=x", text("LowCardinality(Nullable(String))", GUARDED, bytes().i8(0).string("=x")));
        assertNull(text("Nullable(String)", GUARDED, bytes().i8(1)));
        assertEquals("-5", text("Int32", GUARDED, bytes().i32(-5)));
        assertEquals("-0.05", text("Decimal(9, 2)", GUARDED, bytes().i32(-5)));
        assertEquals("-inf", text("Float64", GUARDED, bytes().f64(Double.NEGATIVE_INFINITY)));
        assertEquals("['=x']", text("Array(String)", GUARDED, bytes().varUInt(1).string("=x")));
        assertEquals("=x", text("String", bytes().string("=x")));
    }

    @Test
    void decodersAreReusableAcrossValues() throws IOException {
        RowBinaryInput in = bytes().string("one").string("two").input();
        FieldDecoder d = FieldFormatters.forType(ClickHouseTypes.parse("String"), FormatOptions.defaults());
        assertEquals("one", d.read(in));
        assertEquals("two", d.read(in));
    }
}
