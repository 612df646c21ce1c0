package io.flatingest.infrastructure.clickhouse.type;

import static io.flatingest.infrastructure.clickhouse.type.Decode.bytes;
import static io.flatingest.infrastructure.clickhouse.type.Decode.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Expected texts are what the 18.16 server prints (FORMAT TSV) for the same values. */
class CompositeFormattersTest {

    @Test
    void arraysOfNumbers() {
        assertEquals("[1,2]", text("Array(Int32)", bytes().varUInt(2).i32(1).i32(2)));
        assertEquals("[]", text("Array(Int32)", bytes().varUInt(0)));
        assertEquals("[NULL,1]", text("Array(Nullable(Int8))", bytes().varUInt(2).i8(1).i8(0).i8(1)));
        assertEquals("[[1,2],[]]", text("Array(Array(UInt8))", bytes().varUInt(2).varUInt(2).i8(1).i8(2).varUInt(0)));
        assertEquals("[nan,inf,-inf]", text("Array(Float64)",
                bytes().varUInt(3).f64(Double.NaN).f64(Double.POSITIVE_INFINITY).f64(Double.NEGATIVE_INFINITY)));
        assertEquals("[1e-7]", text("Array(Float64)", bytes().varUInt(1).f64(1e-7)));
        assertEquals("[1.50]", text("Array(Decimal(9, 2))", bytes().varUInt(1).i32(150)));
        assertEquals("[-3.000]", text("Array(Decimal(18, 3))", bytes().varUInt(1).i64(-3000)));
        assertEquals("[true,false]", text("Array(Bool)", bytes().varUInt(2).i8(1).i8(0)));
        assertEquals("[-170141183460469231731687303715884105728]", text("Array(Int128)",
                bytes().varUInt(1).wide(BigInteger.ONE.shiftLeft(127).negate(), 16)));
        assertEquals("[]", text("Array(Nothing)", bytes().varUInt(0)));
    }

    @Test
    void arraysOfStringsQuoteAndEscapeLikeClickHouse() {
        assertEquals("['a\\tb','c\\\\d','x\\'y']", text("Array(String)",
                bytes().varUInt(3).string("a\tb").string("c\\d").string("x'y")));
        assertEquals("['a\\rb\\bc\\fd\\0e\\n','é,\"']", text("Array(String)",
                bytes().varUInt(2).string("a\rb\bc\fd\0e\n").string("é,\"")));
        assertEquals("['ab\\0\\0']", text("Array(FixedString(4))", bytes().varUInt(1).raw('a', 'b', 0, 0)));
        assertEquals("['a\\'b']", text("Array(Enum8('a\\'b' = 1))", bytes().varUInt(1).i8(1)));
        assertEquals("[NULL,'x']", text("Array(LowCardinality(Nullable(String)))",
                bytes().varUInt(2).i8(1).i8(0).string("x")));
    }

    @Test
    void arraysOfOtherQuotedTypes() {
        assertEquals("['2020-01-02']", text("Array(Date)", bytes().varUInt(1).i16(18263)));
        assertEquals("['2020-01-02 03:04:05']", text("Array(DateTime)", bytes().varUInt(1).i32(1577934245)));
        assertEquals("['01234567-89ab-cdef-0123-456789abcdef']", text("Array(UUID)",
                bytes().varUInt(1).i64(0x0123456789abcdefL).i64(0x0123456789abcdefL)));
        assertEquals("['1.2.3.4']", text("Array(IPv4)", bytes().varUInt(1).i32(0x01020304)));
        assertEquals("['2020-01-02 03:04:05.100']",
                text("Array(DateTime64(3))", bytes().varUInt(1).i64(1577934245100L)));
    }

    @Test
    void tuples() {
        assertEquals("(1,'a',NULL)", text("Tuple(UInt8, String, Nullable(Int8))", bytes().i8(1).string("a").i8(1)));
        assertEquals("(1)", text("Tuple(UInt8)", bytes().i8(1)));
        assertEquals("([1],'x')", text("Tuple(Array(UInt8), String)", bytes().varUInt(1).i8(1).string("x")));
        assertEquals("[(1,'a')]", text("Array(Tuple(UInt8, String))", bytes().varUInt(1).i8(1).string("a")));
        assertEquals("(1,'a')", text("Tuple(id UInt8, name String)", bytes().i8(1).string("a")));
    }

    @Test
    void maps() {
        assertEquals("{'k':1,'x\\'y':2}", text("Map(String, UInt8)",
                bytes().varUInt(2).string("k").i8(1).string("x'y").i8(2)));
        assertEquals("{}", text("Map(String, UInt8)", bytes().varUInt(0)));
        assertEquals("{1:['a',NULL]}", text("Map(UInt8, Array(Nullable(String)))",
                bytes().varUInt(1).i8(1).varUInt(2).i8(0).string("a").i8(1)));
    }

    @Test
    void onlyCompositesAreLiterals() {
        FormatOptions o = FormatOptions.defaults();
        assertTrue(FieldFormatters.forType(ClickHouseTypes.parse("Array(String)"), o).literal());
        assertTrue(FieldFormatters.forType(ClickHouseTypes.parse("Map(String, String)"), o).literal());
        assertTrue(FieldFormatters.forType(ClickHouseTypes.parse("Tuple(String)"), o).literal());
        assertFalse(FieldFormatters.forType(ClickHouseTypes.parse("String"), o).literal());
        assertFalse(FieldFormatters.forType(ClickHouseTypes.parse("Nullable(String)"), o).literal());
    }

    @Test
    void unsupportedTypesAreRefusedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FieldFormatters.forType(
                ClickHouseTypes.parse("AggregateFunction(uniq, UInt64)"), FormatOptions.defaults()));
        assertTrue(e.getMessage().contains("AggregateFunction(uniq, UInt64)"), e.getMessage());
    }
}
