package io.flatingest.infrastructure.clickhouse.type;

import static io.flatingest.infrastructure.clickhouse.type.Encoding.assertBytes;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.encode;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompositeEncoderTest {

    @Test
    void encodesArraysAsLengthThenElements() throws ConversionException {
        assertBytes("03" + "01000000" + "02000000" + "03000000", "Array(Int32)", "[1, 2, 3]");
        assertBytes("03" + "01000000" + "02000000" + "03000000", "Array(Int32)", " [ 1,2 ,\t3 ] ");
        assertBytes("00", "Array(Int32)", "[]");
        assertBytes("00", "Array(Int32)", "[ ]");
        assertBytes("02" + "ff" + "01", "Array(Int8)", "[-1, '1']");
    }

    @Test
    void encodesManyElementsWithAMultiByteLength() throws ConversionException {
        String text = "[" + "1,".repeat(199) + "1]";
        byte[] bytes = encode("Array(UInt8)", text);
        assertEquals(202, bytes.length);
        assertEquals("c801", Encoding.hex(java.util.Arrays.copyOf(bytes, 2)));
    }

    @Test
    void readsQuotedStringsWithEscapes() throws ConversionException {
        assertBytes("02" + "0161" + "03622763", "Array(String)", "['a', 'b\\'c']");
        assertBytes("02" + "03612262" + "0161", "Array(String)", "[\"a\\\"b\", \"a\"]");
        assertBytes("01" + "03612762", "Array(String)", "['a''b']");
        assertBytes("02" + "00" + "00", "Array(String)", "['', \"\"]");
        assertBytes("01" + "06" + "0a090d005c41", "Array(String)", "['\\n\\t\\r\\0\\\\\\x41']");
        assertBytes("01" + "015a", "Array(String)", "['\\Z']"); // unknown escape: the character itself
        assertBytes("01" + "0d" + "2c5d5b7b7d3a28292022e282ac", "Array(String)", "[',][{}:() \"€']");
        assertBytes("01" + "044e554c4c", "Array(String)", "['NULL']");
    }

    @Test
    void readsNullElementsOnlyForNullableElementTypes() throws ConversionException {
        assertBytes("03" + "0001" + "01" + "01", "Array(Nullable(Int8))", "[1, NULL, null]");
        assertBytes("02" + "00" + "0161" + "01", "Array(Nullable(String))", "['a', NULL]");
        assertBytes("02" + "00" + "0161" + "01", "Array(LowCardinality(Nullable(String)))", "['a', NULL]");
        assertEquals("array element 2: NULL is not allowed: element type Int32 is not Nullable",
                reason("Array(Int32)", "[1, NULL]"));
    }

    @Test
    void nestsArrays() throws ConversionException {
        assertBytes("03" + "02" + "0102" + "00" + "01" + "03", "Array(Array(UInt8))", "[[1, 2], [], [3]]");
        assertBytes("01" + "01" + "01" + "0161", "Array(Array(Array(String)))", "[[['a']]]");
        assertEquals("array element 2: array element 1: 300 is out of range for UInt8 (0..255)",
                reason("Array(Array(UInt8))", "[[1], [300]]"));
    }

    @Test
    void convertsElementsWithTheElementTypesRules() throws ConversionException {
        assertBytes("02" + "9e4b" + "9f4b", "Array(Date)", "['2023-01-01', '2023-01-02']"); // days 19358, 19359
        assertBytes("01" + "9a01000000000000", "Array(Decimal(18, 2))", "[4.10]");
        assertEquals("array element 1: '4.105' has 3 decimal places; Decimal(18, 2) allows 2",
                reason("Array(Decimal(18, 2))", "[4.105]"));
        assertEquals("array element 1: an empty value is not a valid Int32", reason("Array(Int32)", "['']"));
        assertEquals("array element 2: '2023-02-30' is not a valid date", reason("Array(Date)", "['2023-01-01', '2023-02-30']"));
    }

    @Test
    void requiresQuotesAroundStrings() {
        assertEquals("array element 1: '[abc]' is not a valid Array(String): strings must be quoted, found abc at "
                + "position 2", reason("Array(String)", "[abc]"));
        assertEquals("array element 1: '[1]' is not a valid Array(FixedString(2)): strings must be quoted, found 1 at "
                + "position 2", reason("Array(FixedString(2))", "[1]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2", "1, 2]", "[1 2]", "[1,]", "[,1]", "[1]]", "[1] x", "['a]", "(1)", "{1}", "[[1]",
        "[1, [2]]", "", "NULL", "[1;2]"})
    void rejectsMalformedLiterals(String text) {
        String reason = reason("Array(Int32)", text);
        assertEquals(true, reason.contains("Array(Int32)") || reason.contains("Int32"), reason);
    }

    @Test
    void pointsAtSyntaxErrors() {
        assertEquals("'[1, 2' is not a valid Array(Int32): expected ']' at position 6", reason("Array(Int32)", "[1, 2"));
        assertEquals("'[1] x' is not a valid Array(Int32): unexpected text after the value at position 5",
                reason("Array(Int32)", "[1] x"));
        assertEquals("array element 1: '['a]' is not a valid Array(String): unterminated string at position 5",
                reason("Array(String)", "['a]"));
        assertEquals("array element 1: '['\\xC3']' is not a valid Array(String): \\x escapes above \\x7F are not "
                + "supported at position 5", reason("Array(String)", "['\\xC3']"));
    }

    @Test
    void encodesMapsAsCountThenKeyValuePairs() throws ConversionException {
        assertBytes("02" + "016b" + "01000000" + "026b32" + "02000000", "Map(String, Int32)", "{'k': 1, 'k2': 2}");
        assertBytes("00", "Map(String, Int32)", "{}");
        assertBytes("01" + "01" + "02" + "0161" + "0162", "Map(UInt8, Array(String))", "{1:['a','b']}");
        assertBytes("01" + "0161" + "01", "Map(String, Nullable(UInt8))", "{'a': NULL}");
        assertEquals("map entry 2: 300 is out of range for UInt8 (0..255)", reason("Map(String, UInt8)", "{'a': 1, 'b': 300}"));
        assertEquals("map entry 1: '{'a' 1}' is not a valid Map(String, UInt8): expected ':' at position 6",
                reason("Map(String, UInt8)", "{'a' 1}"));
    }

    @Test
    void encodesTuplesAsTheirElementsInOrder() throws ConversionException {
        assertBytes("01" + "0161", "Tuple(UInt8, String)", "(1, 'a')");
        assertBytes("01" + "0161", "Tuple(a UInt8, b String)", "(1,'a')");
        assertBytes("2a000000", "Tuple(Int32)", "(42)");
        assertBytes("02" + "01" + "0001" + "0161", "Tuple(Array(Nullable(UInt8)), String)", "([NULL, 1], 'a')");
        assertBytes("02" + "07" + "0161" + "08" + "0162", "Array(Tuple(UInt8, String))", "[(7, 'a'), (8, 'b')]");
        assertEquals("a tuple needs 2 elements, found 1", reason("Tuple(UInt8, String)", "(1)"));
        assertEquals("a tuple needs 2 elements, found more", reason("Tuple(UInt8, String)", "(1, 'a', 2)"));
        assertEquals("tuple element 1: 256 is out of range for UInt8 (0..255)", reason("Tuple(UInt8, String)", "(256, 'a')"));
    }
}
