package io.flatingest.infrastructure.clickhouse.type;

import static io.flatingest.infrastructure.clickhouse.type.Decode.bytes;
import static io.flatingest.infrastructure.clickhouse.type.Decode.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberFormattersTest {

    @Test
    void narrowIntegersAtTheirBoundaries() {
        assertEquals("-128", text("Int8", bytes().i8(-128)));
        assertEquals("127", text("Int8", bytes().i8(127)));
        assertEquals("0", text("UInt8", bytes().i8(0)));
        assertEquals("255", text("UInt8", bytes().i8(255)));
        assertEquals("-32768", text("Int16", bytes().i16(-32768)));
        assertEquals("32767", text("Int16", bytes().i16(32767)));
        assertEquals("65535", text("UInt16", bytes().i16(-1)));
        assertEquals("-2147483648", text("Int32", bytes().i32(Integer.MIN_VALUE)));
        assertEquals("2147483647", text("Int32", bytes().i32(Integer.MAX_VALUE)));
        assertEquals("4294967295", text("UInt32", bytes().i32(-1)));
        assertEquals("-9223372036854775808", text("Int64", bytes().i64(Long.MIN_VALUE)));
        assertEquals("9223372036854775807", text("Int64", bytes().i64(Long.MAX_VALUE)));
        assertEquals("18446744073709551615", text("UInt64", bytes().i64(-1)));
        assertEquals("9223372036854775808", text("UInt64", bytes().i64(Long.MIN_VALUE)));
    }

    @ParameterizedTest
    @CsvSource({"Int128,16,-170141183460469231731687303715884105728",
            "Int128,16,170141183460469231731687303715884105727", "Int128,16,-1", "Int128,16,0",
            "Int128,16,-9223372036854775809", "Int128,16,9223372036854775808",
            "UInt128,16,340282366920938463463374607431768211455", "UInt128,16,18446744073709551616",
            "UInt128,16,9223372036854775808", "UInt128,16,7",
            "Int256,32,-57896044618658097711785492504343953926634992332820282019728792003956564819968",
            "Int256,32,57896044618658097711785492504343953926634992332820282019728792003956564819967",
            "Int256,32,-1", "UInt256,32,115792089237316195423570985008687907853269984665640564039457584007913129639935",
            "UInt256,32,0"})
    void wideIntegers(String type, int width, String value) {
        assertEquals(value, text(type, bytes().wide(new BigInteger(value), width)));
    }

    @Test
    void floatsShortestAndSpecial() {
        assertEquals("0.1", text("Float32", bytes().f32(0.1f)));
        assertEquals("-0", text("Float32", bytes().f32(-0.0f)));
        assertEquals("nan", text("Float32", bytes().f32(Float.NaN)));
        assertEquals("0.1", text("Float64", bytes().f64(0.1)));
        assertEquals("1e-300", text("Float64", bytes().f64(1e-300)));
        assertEquals("5e-324", text("Float64", bytes().f64(Double.MIN_VALUE)));
        assertEquals("inf", text("Float64", bytes().f64(Double.POSITIVE_INFINITY)));
        assertEquals("-inf", text("Float64", bytes().f64(Double.NEGATIVE_INFINITY)));
        assertEquals("nan", text("Float64", bytes().f64(Double.NaN)));
        assertEquals("-0", text("Float64", bytes().f64(-0.0)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Decimal(9, 2)|150|1.50", "Decimal(9, 2)|-5|-0.05", "Decimal(9, 2)|0|0.00",
            "Decimal(9, 2)|-100|-1.00",
            "Decimal(9, 0)|123|123", "Decimal(9, 0)|-123|-123", "Decimal(9, 9)|2147483647|2.147483647",
            "Decimal(9, 9)|-2147483648|-2.147483648", "Decimal(9, 9)|1|0.000000001"})
    void decimal32(String type, int unscaled, String text) {
        assertEquals(text, text(type, bytes().i32(unscaled)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Decimal(18, 4)|-9223372036854775808|-922337203685477.5808",
            "Decimal(18, 4)|9223372036854775807|922337203685477.5807", "Decimal(18, 18)|1|0.000000000000000001",
            "Decimal(18, 3)|-1|-0.001", "Decimal(18, 0)|42|42"})
    void decimal64(String type, long unscaled, String text) {
        assertEquals(text, text(type, bytes().i64(unscaled)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Decimal(38, 10)|16|123456789012345678901234567890|12345678901234567890.1234567890",
            "Decimal(38, 10)|16|-15|-0.0000000015", "Decimal(38, 2)|16|-9223372036854775809|-92233720368547758.09",
            "Decimal(38, 38)|16|1|0.00000000000000000000000000000000000001",
            "Decimal(38, 0)|16|-170141183460469231731687303715884105728|-170141183460469231731687303715884105728",
            "Decimal(76, 20)|32|-1|-0.00000000000000000001",
            "Decimal(76, 4)|32|1234567890123456789012345678901234567890123456789012345678901234567890123456|"
                    + "123456789012345678901234567890123456789012345678901234567890123456789012.3456"})
    void decimal128And256(String type, int width, String unscaled, String text) {
        assertEquals(text, text(type, bytes().wide(new BigInteger(unscaled), width)));
    }

    @Test
    void boolAsWord() {
        assertEquals("true", text("Bool", bytes().i8(1)));
        assertEquals("false", text("Bool", bytes().i8(0)));
    }

    @Test
    void nullableAndWrappersReadAsTheInnerType() {
        assertNull(text("Nullable(Int32)", bytes().i8(1)));
        assertEquals("-7", text("Nullable(Int32)", bytes().i8(0).i32(-7)));
        assertEquals("5", text("SimpleAggregateFunction(sum, UInt64)", bytes().i64(5)));
        assertEquals("1.5", text("LowCardinality(Float64)", bytes().f64(1.5)));
        assertNull(text("Nullable(Nothing)", bytes().i8(1)));
    }
}
