package io.flatingest.infrastructure.clickhouse.type;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RowBinaryOutputTest {

    @Test
    void writesFixedWidthLittleEndian() {
        RowBinaryOutput out = new RowBinaryOutput(1);
        out.writeByte(0xAB);
        out.writeShort(0x0102);
        out.writeInt(0x01020304);
        out.writeLong(0x0102030405060708L);
        assertEquals("ab" + "0201" + "04030201" + "0807060504030201", hex(out.toByteArray()));
    }

    @Test
    void overwritesALongInPlace() {
        RowBinaryOutput out = new RowBinaryOutput(1);
        out.writeByte(1);
        out.writeLong(0);
        out.writeByte(2);
        out.setLong(1, 0x0102030405060708L);
        assertEquals("01" + "0807060504030201" + "02", hex(out.toByteArray()));
        assertThrows(IndexOutOfBoundsException.class, () -> out.setLong(3, 1));
    }

    @Test
    void writesLeb128() {
        RowBinaryOutput out = new RowBinaryOutput();
        out.writeVarUInt(0);
        out.writeVarUInt(127);
        out.writeVarUInt(128);
        out.writeVarUInt(300);
        out.writeVarUInt(-1L);
        assertEquals("00" + "7f" + "8001" + "ac02" + "ffffffffffffffffff01", hex(out.toByteArray()));
    }

    @Test
    void writesUtf8StringsWithLengthPrefix() {
        String text = "aé€😀";
        RowBinaryOutput out = new RowBinaryOutput(2);
        out.writeUtf8String(text);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(utf8.length, out.toByteArray()[0]);
        assertArrayEquals(utf8, java.util.Arrays.copyOfRange(out.toByteArray(), 1, out.position()));
        assertEquals(10, RowBinaryOutput.utf8Length(text));
    }

    @Test
    void refusesUnpairedSurrogates() {
        assertEquals(-1, RowBinaryOutput.utf8Length("a\uD800b"));
        assertEquals(-1, RowBinaryOutput.utf8Length("a\uDC00"));
        assertEquals(-1, RowBinaryOutput.utf8Length("\uD83D"));
        assertThrows(IllegalArgumentException.class, () -> new RowBinaryOutput().writeUtf8String("\uD800"));
    }

    @Test
    void rollsBackAndResets() throws IOException {
        RowBinaryOutput out = new RowBinaryOutput(4);
        out.writeInt(1);
        int mark = out.position();
        out.writeLong(2);
        out.truncate(mark);
        assertEquals(4, out.position());
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        out.writeTo(sink);
        assertEquals("01000000", hex(sink.toByteArray()));
        assertThrows(IndexOutOfBoundsException.class, () -> out.truncate(5));
        out.reset();
        assertEquals(0, out.toByteArray().length);
    }

    @Test
    void insertsVarintBeforeLaterBytes() {
        RowBinaryOutput out = new RowBinaryOutput(4);
        out.writeByte(9);
        int at = out.position();
        for (int i = 0; i < 200; i++) {
            out.writeByte(i);
        }
        out.insertVarUInt(at, 200);
        byte[] bytes = out.toByteArray();
        assertEquals(203, bytes.length);
        assertEquals("09c801", hex(java.util.Arrays.copyOf(bytes, 3)));
        assertEquals(0, bytes[3]);
        assertEquals((byte) 199, bytes[202]);
    }

    @Test
    void growsFromTinyCapacity() {
        RowBinaryOutput out = new RowBinaryOutput(0);
        for (int i = 0; i < 100_000; i++) {
            out.writeLong(i);
        }
        out.writeZeros(3);
        out.writeBytes(new byte[] {1, 2, 3}, 1, 2);
        assertEquals(800_005, out.position());
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
