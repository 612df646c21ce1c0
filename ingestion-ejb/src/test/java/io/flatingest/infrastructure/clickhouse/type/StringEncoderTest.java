package io.flatingest.infrastructure.clickhouse.type;

import static io.flatingest.infrastructure.clickhouse.type.Encoding.assertBytes;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.encode;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.reason;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StringEncoderTest {

    @Test
    void keepsTheTextExactly() throws ConversionException {
        assertBytes("03303037", "String", "007");
        assertBytes("00", "String", "");
        assertBytes("03203120", "String", " 1 ");
        String text = "Grüße, \"quotes\" 'single' \\ \t\n 日本 😀";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] expected = new byte[utf8.length + 1];
        expected[0] = (byte) utf8.length;
        System.arraycopy(utf8, 0, expected, 1, utf8.length);
        assertArrayEquals(expected, encode("String", text));
    }

    @Test
    void writesLongLengthsAsVarint() throws ConversionException {
        byte[] bytes = encode("String", "x".repeat(300));
        assertEquals(302, bytes.length);
        assertEquals((byte) 0xAC, bytes[0]);
        assertEquals(0x02, bytes[1]);
    }

    @Test
    void rejectsUnpairedSurrogates() {
        assertEquals("the text holds an unpaired UTF-16 surrogate, which has no UTF-8 form", reason("String", "a\uD800"));
    }

    @Test
    void padsFixedStringWithZeroBytes() throws ConversionException {
        assertBytes("61620000", "FixedString(4)", "ab");
        assertBytes("61626364", "FixedString(4)", "abcd");
        assertBytes("c3a90000", "FixedString(4)", "é");
        assertBytes("f09f9880", "FixedString(4)", "😀");
        assertBytes("00000000", "FixedString(4)", "");
    }

    @Test
    void rejectsFixedStringOverflowNamingBothLengths() {
        assertEquals("the text is 5 bytes long in UTF-8; FixedString(4) holds at most 4",
                reason("FixedString(4)", "abcde"));
        assertEquals("the text is 3 bytes long in UTF-8; FixedString(2) holds at most 2", reason("FixedString(2)", "aé"));
    }

    @Test
    void treatsLowCardinalityAndSimpleAggregateAsTheirInnerType() throws ConversionException {
        assertBytes("026162", "LowCardinality(String)", "ab");
        assertBytes("2a000000", "SimpleAggregateFunction(max, UInt32)", "42");
        assertBytes("00026162", "LowCardinality(Nullable(String))", "ab");
    }
}
