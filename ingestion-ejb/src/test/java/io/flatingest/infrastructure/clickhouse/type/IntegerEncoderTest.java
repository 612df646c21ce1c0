package io.flatingest.infrastructure.clickhouse.type;

import static io.flatingest.infrastructure.clickhouse.type.Encoding.assertBytes;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.assertLe;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IntegerEncoderTest {

    @ParameterizedTest
    @CsvSource({
        "Int8, -128, 1", "Int8, 127, 1", "Int8, 0, 1", "Int8, +5, 1", "Int8, -0, 1", "Int8, 007, 1",
        "UInt8, 0, 1", "UInt8, 255, 1",
        "Int16, -32768, 2", "Int16, 32767, 2", "UInt16, 65535, 2",
        "Int32, -2147483648, 4", "Int32, 2147483647, 4", "UInt32, 4294967295, 4",
        "Int64, -9223372036854775808, 8", "Int64, 9223372036854775807, 8", "Int64, 000000000000000000000001, 8",
    })
    void acceptsValuesAtTheRangeEnds(String type, String text, int width) throws ConversionException {
        assertLe(Long.parseLong(text), width, type, text);
    }

    @Test
    void acceptsFullUInt64() throws ConversionException {
        assertBytes("ffffffffffffffff", "UInt64", "18446744073709551615");
        assertBytes("0000000000000080", "UInt64", "9223372036854775808");
        assertBytes("0000000000000000", "UInt64", "-0");
    }

    @ParameterizedTest
    @CsvSource({
        "Int8, 128, -128..127", "Int8, -129, -128..127", "UInt8, 256, 0..255", "UInt8, -1, 0..255",
        "Int16, 32768, -32768..32767", "UInt16, 65536, 0..65535",
        "Int32, 2147483648, -2147483648..2147483647", "UInt32, 4294967296, 0..4294967295",
        "Int64, 9223372036854775808, -9223372036854775808..9223372036854775807",
        "Int64, -9223372036854775809, -9223372036854775808..9223372036854775807",
        "UInt64, 18446744073709551616, 0..18446744073709551615",
        "UInt64, -1, 0..18446744073709551615",
        "Int64, 99999999999999999999999999, -9223372036854775808..9223372036854775807",
    })
    void rejectsValuesJustOutOfRange(String type, String text, String range) {
        assertEquals(text + " is out of range for " + type + " (" + range + ")", reason(type, text));
    }

    @Test
    void explainsTheReasonForNonIntegers() {
        assertEquals("300 is out of range for UInt8 (0..255)", reason("UInt8", "300"));
        assertEquals("'1.0' is not an integer: Int32 takes whole numbers without a decimal point or exponent",
                reason("Int32", "1.0"));
        assertEquals("'1e3' is not an integer: Int32 takes whole numbers without a decimal point or exponent",
                reason("Int32", "1e3"));
        assertEquals("'0x1F' is not a valid Int32: hexadecimal is not accepted", reason("Int32", "0x1F"));
        assertEquals("' 12' is not a valid Int32: it has leading or trailing whitespace", reason("Int32", " 12"));
        assertEquals("'12 ' is not a valid Int32: it has leading or trailing whitespace", reason("Int32", "12 "));
        assertEquals("'abc' is not a valid UInt64", reason("UInt64", "abc"));
        assertEquals("'+' is not a valid Int8", reason("Int8", "+"));
        assertEquals("'1_000' is not a valid Int32", reason("Int32", "1_000"));
        assertEquals("'٣' is not a valid Int32", reason("Int32", "٣")); // Arabic-Indic digit
    }

    @ParameterizedTest
    @ValueSource(strings = {"--1", "+-1", "1-", "1 2", "1,000", "١", "Infinity", "NaN"})
    void rejectsMalformedText(String text) {
        reason("Int64", text);
    }

    @Test
    void encodesWideIntegersAsTwosComplement() throws ConversionException {
        assertBytes("ffffffffffffffffffffffffffffffff", "Int128", "-1");
        assertBytes("00000000000000000000000000000080", "Int128", "-170141183460469231731687303715884105728");
        assertBytes("ffffffffffffffffffffffffffffff7f", "Int128", "170141183460469231731687303715884105727");
        assertBytes("ffffffffffffffffffffffffffffffff", "UInt128", "340282366920938463463374607431768211455");
        assertBytes("ff".repeat(32), "UInt256",
                "115792089237316195423570985008687907853269984665640564039457584007913129639935");
        assertBytes("00".repeat(31) + "80", "Int256",
                "-57896044618658097711785492504343953926634992332820282019728792003956564819968");
        assertBytes("2a" + "00".repeat(31), "Int256", "+42");
    }

    @Test
    void rejectsWideIntegersOutOfRange() {
        assertEquals("170141183460469231731687303715884105728 is out of range for Int128 (-2^127..2^127-1)",
                reason("Int128", "170141183460469231731687303715884105728"));
        assertEquals("-1 is out of range for UInt128 (0..2^128-1)", reason("UInt128", "-1"));
        assertEquals("-1 is out of range for UInt256 (0..2^256-1)", reason("UInt256", "-1"));
        assertEquals("'1.5' is not an integer: Int256 takes whole numbers without a decimal point or exponent",
                reason("Int256", "1.5"));
    }
}
