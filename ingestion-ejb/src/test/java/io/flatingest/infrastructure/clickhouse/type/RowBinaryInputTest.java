package io.flatingest.infrastructure.clickhouse.type;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class RowBinaryInputTest {

    @Test
    void readsLittleEndianNumbersOfEveryWidth() throws IOException {
        RowBinaryInput in = new RowBinaryBytes().i8(-1).i16(0x1234).i32(0x89ABCDEF).i64(0x0123456789ABCDEFL)
                .f32(1.5f).f64(-2.25).input();
        assertEquals(-1, in.readByte());
        assertEquals(0x1234, in.readShort());
        assertEquals(0x89ABCDEF, in.readInt());
        assertEquals(0x0123456789ABCDEFL, in.readLong());
        assertEquals(1.5f, in.readFloat());
        assertEquals(-2.25, in.readDouble());
        assertEquals(1 + 2 + 4 + 8 + 4 + 8, in.position());
        assertTrue(in.atEnd());
    }

    @Test
    void readsVarUIntsUpTo64Bits() throws IOException {
        RowBinaryInput in = new RowBinaryBytes().varUInt(0).varUInt(127).varUInt(128).varUInt(300)
                .varUInt(-1L).input();
        assertEquals(0, in.readVarUInt());
        assertEquals(127, in.readVarUInt());
        assertEquals(128, in.readVarUInt());
        assertEquals(300, in.readVarUInt());
        assertEquals(-1L, in.readVarUInt());
        assertEquals(1 + 1 + 2 + 2 + 10, in.position());
    }

    @Test
    void refusesMalformedOrImplausibleLengths() {
        byte[] endless = new byte[12];
        java.util.Arrays.fill(endless, (byte) 0x80);
        assertThrows(IOException.class, () -> new RowBinaryBytes().raw(endless).input().readVarUInt());
        assertThrows(IOException.class, () -> new RowBinaryBytes().varUInt(1L << 40).input().readLength());
    }

    @Test
    void emptyStreamEndsCleanly() throws IOException {
        RowBinaryInput in = new RowBinaryInput(new ByteArrayInputStream(new byte[0]));
        assertTrue(in.atEnd());
        assertEquals(0, in.position());
    }

    @Test
    void streamEndingInsideAValueSaysSo() throws IOException {
        RowBinaryInput in = new RowBinaryBytes().i8(1).i8(2).i8(3).input();
        assertFalse(in.atEnd());
        EOFException e = assertThrows(EOFException.class, in::readInt);
        assertTrue(e.getMessage().contains("middle of a row"), e.getMessage());
        RowBinaryInput str = new RowBinaryBytes().varUInt(10).raw('a', 'b').input();
        assertThrows(EOFException.class, str::readString);
    }

    @Test
    void readsAcrossRefillsOfASmallBufferFedByteByByte() throws IOException {
        String big = "x".repeat(500) + "é€𝄞";
        RowBinaryBytes b = new RowBinaryBytes();
        for (int i = 0; i < 50; i++) {
            b.i32(i).string("row " + i).string(big);
        }
        RowBinaryInput in = new RowBinaryInput(trickle(b.bytes()), 64);
        for (int i = 0; i < 50; i++) {
            assertFalse(in.atEnd());
            assertEquals(i, in.readInt());
            assertEquals("row " + i, in.readString());
            assertEquals(big, in.readString());
        }
        assertTrue(in.atEnd());
        assertEquals(b.bytes().length, in.position());
    }

    @Test
    void requireGrowsTheBufferForLongValues() throws IOException {
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        RowBinaryInput in = new RowBinaryInput(trickle(new RowBinaryBytes().i8(7).raw(data).bytes()), 64);
        assertEquals(7, in.readByte());
        in.require(1000);
        byte[] copy = java.util.Arrays.copyOfRange(in.buffer(), in.bufferPosition(), in.bufferPosition() + 1000);
        assertArrayEquals(data, copy);
        in.advance(1000);
        assertEquals(1001, in.position());
        assertTrue(in.atEnd());
    }

    @Test
    void readsAndSkipsRawBytes() throws IOException {
        RowBinaryInput in = new RowBinaryInput(trickle(new RowBinaryBytes().raw(1, 2, 3, 4, 5, 6).bytes()), 64);
        in.skip(2);
        assertArrayEquals(new byte[] {3, 4}, in.readBytes(2));
        assertEquals(5, in.readUnsignedByte());
        assertEquals(5, in.position());
        assertThrows(EOFException.class, () -> in.skip(2));
    }

    /** A stream that hands out one byte per read, as a slow socket might. */
    private static InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }
}
