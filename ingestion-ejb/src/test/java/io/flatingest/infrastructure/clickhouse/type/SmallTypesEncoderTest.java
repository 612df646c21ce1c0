package io.flatingest.infrastructure.clickhouse.type;

import static io.flatingest.infrastructure.clickhouse.type.Encoding.assertBytes;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** UUID, Enum, Bool: small fixed-width types read from a closed set of spellings. */
class SmallTypesEncoderTest {

    @Test
    void encodesUuidAsHighThenLowLittleEndianHalves() throws ConversionException {
        String expected = "7766554433221100" + "ffeeddccbbaa9988";
        assertBytes(expected, "UUID", "00112233-4455-6677-8899-aabbccddeeff");
        assertBytes(expected, "UUID", "00112233-4455-6677-8899-AABBCCDDEEFF");
        assertBytes(expected, "UUID", "00112233445566778899aabbccddeeff");
        assertBytes("00".repeat(16), "UUID", "00000000-0000-0000-0000-000000000000");
        assertBytes("ff".repeat(16), "UUID", "ffffffff-ffff-ffff-ffff-ffffffffffff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00112233-4455-6677-8899-aabbccddeefg", "00112233-4455-6677-8899_aabbccddeeff",
        "{00112233-4455-6677-8899-aabbccddeeff}", "0011223-34455-6677-8899-aabbccddeeff", "", "1",
        "00112233-4455-6677-8899-aabbccddeef", "００112233-4455-6677-8899-aabbccddeeff"})
    void rejectsOtherUuidShapes(String text) {
        String reason = reason("UUID", text);
        assertEquals(true, reason.contains("UUID"), reason);
    }

    @Test
    void namesTheUuidShape() {
        assertEquals("'not-a-uuid' is not a valid UUID: expected 8-4-4-4-12 hexadecimal digits", reason("UUID", "not-a-uuid"));
    }

    @Test
    void encodesEnumByExactNameOrDefinedNumber() throws ConversionException {
        String enum8 = "Enum8('a' = 1, 'B' = -128, 'c d' = 127, '7' = 3)";
        assertBytes("01", enum8, "a");
        assertBytes("80", enum8, "B");
        assertBytes("7f", enum8, "c d");
        assertBytes("03", enum8, "7"); // a name wins over a number
        assertBytes("01", enum8, "1");
        assertBytes("80", enum8, "-128");
        assertBytes("e803", "Enum16('x' = 1000, 'y' = -32768)", "x");
        assertBytes("0080", "Enum16('x' = 1000, 'y' = -32768)", "-32768");
        assertBytes("e803", "Enum16('x' = 1000, 'y' = -32768)", "+1000");
    }

    @Test
    void rejectsUnknownEnumValuesListingSomeNames() {
        String enum8 = "Enum8('a' = 1, 'b' = 2)";
        assertEquals("'A' is not a value of this Enum8; allowed: 'a', 'b'", reason(enum8, "A"));
        assertEquals("'3' is not a value of this Enum8; allowed: 'a', 'b'", reason(enum8, "3"));
        assertEquals("'a ' is not a value of this Enum8; allowed: 'a', 'b'", reason(enum8, "a "));
        assertEquals("'z' is not a value of this Enum16; allowed: 'a', 'b', 'c', 'd', 'it\\'s' and 2 more",
                reason("Enum16('a' = 1, 'b' = 2, 'c' = 3, 'd' = 4, 'it\\'s' = 5, 'f' = 6, 'g' = 7)", "z"));
        assertEquals("'99999999999' is not a value of this Enum8; allowed: 'a', 'b'", reason(enum8, "99999999999"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True", "t", "T", "yes", "Y", "on", "ON", "enable", "Enabled", "1"})
    void readsTrueLikeModernClickHouse(String text) throws ConversionException {
        assertBytes("01", "Bool", text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "f", "no", "N", "off", "Off", "disable", "DISABLED", "0"})
    void readsFalseLikeModernClickHouse(String text) throws ConversionException {
        assertBytes("00", "Bool", text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "-1", "1.0", "01", "tru", "yess", "truee", "oui", " true", "enabledd"})
    void rejectsOtherBoolSpellings(String text) {
        assertEquals(true, reason("Bool", text).startsWith("'" + text + "' is not a valid Bool"));
    }

    @Test
    void namesTheBoolSpellings() {
        assertEquals("'maybe' is not a valid Bool: expected true/false, 1/0, yes/no, y/n, t/f, on/off, "
                + "enable(d)/disable(d)", reason("Bool", "maybe"));
    }
}
