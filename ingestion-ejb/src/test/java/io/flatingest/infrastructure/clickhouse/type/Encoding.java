package io.flatingest.infrastructure.clickhouse.type;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.ZoneId;
import java.util.HexFormat;

/** Test helpers: encode one field of a type given as ClickHouse type text, and inspect bytes or reasons. */
final class Encoding {

    static final ConversionOptions UTC = ConversionOptions.defaults(ZoneId.of("UTC"));

    private Encoding() {
    }

    static byte[] encode(String type, String text) throws ConversionException {
        return encode(type, text, UTC);
    }

    static byte[] encode(String type, String text, ConversionOptions options) throws ConversionException {
        RowBinaryOutput out = new RowBinaryOutput(16);
        FieldEncoders.forType(ClickHouseTypes.parse(type), options).encode(text, out);
        return out.toByteArray();
    }

    static String reason(String type, String text) {
        return reason(type, text, UTC);
    }

    static String reason(String type, String text, ConversionOptions options) {
        return assertThrows(ConversionException.class, () -> encode(type, text, options),
                () -> type + " should reject " + text).reason();
    }

    static void assertBytes(String expectedHex, String type, String text) throws ConversionException {
        assertEquals(expectedHex, hex(encode(type, text)), () -> type + " <- " + text);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] le(long value, int width) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
        byte[] result = new byte[width];
        System.arraycopy(b.array(), 0, result, 0, width);
        return result;
    }

    static void assertLe(long expected, int width, String type, String text) throws ConversionException {
        assertArrayEquals(le(expected, width), encode(type, text), () -> type + " <- " + text);
    }
}
