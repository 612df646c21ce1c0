package io.flatingest.infrastructure.clickhouse.type;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable, reusable buffer of ClickHouse RowBinary bytes: little-endian fixed-width integers, LEB128 lengths and
 * UTF-8 strings. One instance per writer thread; not thread-safe.
 *
 * <p>A row that fails half-way is rolled back with {@link #truncate(int)} to the {@link #position()} taken before it.
 */
public final class RowBinaryOutput {

    private byte[] buffer;
    private int position;

    /** A buffer with a 64 KiB initial capacity. */
    public RowBinaryOutput() {
        this(64 * 1024);
    }

    public RowBinaryOutput(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    public void writeByte(int value) {
        ensure(1);
        buffer[position++] = (byte) value;
    }

    public void writeShort(int value) {
        ensure(2);
        byte[] b = buffer;
        int p = position;
        b[p] = (byte) value;
        b[p + 1] = (byte) (value >> 8);
        position = p + 2;
    }

    public void writeInt(int value) {
        ensure(4);
        byte[] b = buffer;
        int p = position;
        b[p] = (byte) value;
        b[p + 1] = (byte) (value >> 8);
        b[p + 2] = (byte) (value >> 16);
        b[p + 3] = (byte) (value >> 24);
        position = p + 4;
    }

    public void writeLong(long value) {
        ensure(8);
        byte[] b = buffer;
        int p = position;
        for (int i = 0; i < 8; i++) {
            b[p + i] = (byte) (value >> (i * 8));
        }
        position = p + 8;
    }

    /** Overwrites the 8 bytes at {@code at} (written earlier) with a little-endian long. */
    public void setLong(int at, long value) {
        if (at < 0 || at > position - 8) {
            throw new IndexOutOfBoundsException("8 bytes at " + at + " outside 0.." + position);
        }
        byte[] b = buffer;
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (value >> (i * 8));
        }
    }

    /** Unsigned LEB128, as RowBinary encodes string and array lengths. */
    public void writeVarUInt(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            buffer[position++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[position++] = (byte) value;
    }

    public void writeBytes(byte[] bytes) {
        writeBytes(bytes, 0, bytes.length);
    }

    public void writeBytes(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, position, length);
        position += length;
    }

    /** Writes {@code count} zero bytes (FixedString padding, type defaults). */
    public void writeZeros(int count) {
        ensure(count);
        Arrays.fill(buffer, position, position + count, (byte) 0);
        position += count;
    }

    /**
     * Writes a RowBinary String: the UTF-8 length as a varint, then the UTF-8 bytes, encoded straight into the buffer.
     *
     * @throws IllegalArgumentException when the text holds an unpaired surrogate (it has no UTF-8 form)
     */
    public void writeUtf8String(CharSequence text) {
        int length = utf8Length(text);
        if (length < 0) {
            throw new IllegalArgumentException("text holds an unpaired UTF-16 surrogate");
        }
        writeVarUInt(length);
        writeUtf8(text, length);
    }

    /**
     * The number of UTF-8 bytes of {@code text}, or -1 when it holds an unpaired surrogate.
     */
    public static int utf8Length(CharSequence text) {
        int n = text.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == n || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return -1;
                }
                bytes += 2; // 4 bytes for the pair of chars
                i++;
            } else {
                bytes += 2;
            }
        }
        return bytes;
    }

    /** Writes the UTF-8 bytes of a text whose {@link #utf8Length(CharSequence)} is {@code utf8Length}, no prefix. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) is exactly right for ASCII, and fast
    void writeUtf8(CharSequence text, int utf8Length) {
        ensure(utf8Length);
        int n = text.length();
        if (utf8Length == n && text instanceof String string) { // ASCII: one byte per char, a plain copy
            string.getBytes(0, n, buffer, position);
            position += n;
            return;
        }
        byte[] b = buffer;
        int p = position;
        int i = 0;
        while (i < n) { // ASCII run
            char c = text.charAt(i);
            if (c >= 0x80) {
                break;
            }
            b[p++] = (byte) c;
            i++;
        }
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        position = p;
    }

    /**
     * Inserts a varint at {@code at}, moving the bytes written since then: an Array's length is known only after
     * its elements are encoded.
     */
    void insertVarUInt(int at, long value) {
        int size = 1;
        for (long v = value >>> 7; v != 0; v >>>= 7) {
            size++;
        }
        ensure(size);
        System.arraycopy(buffer, at, buffer, at + size, position - at);
        int end = position + size;
        position = at;
        writeVarUInt(value);
        position = end;
    }

    /** The number of bytes written so far: a mark for {@link #truncate(int)}. */
    public int position() {
        return position;
    }

    /** Drops everything written after {@code mark}, a value {@link #position()} returned earlier. */
    public void truncate(int mark) {
        if (mark < 0 || mark > position) {
            throw new IndexOutOfBoundsException("mark " + mark + " outside 0.." + position);
        }
        position = mark;
    }

    /** Empties the buffer, keeping its capacity. */
    public void reset() {
        position = 0;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, position);
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(buffer, 0, position);
    }

    private void ensure(int extra) {
        if (buffer.length - position < extra) {
            long needed = (long) position + extra;
            long grown = Math.max(needed, (long) buffer.length * 2);
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("RowBinary buffer cannot grow beyond 2 GiB");
            }
            buffer = Arrays.copyOf(buffer, (int) Math.min(grown, Integer.MAX_VALUE - 8));
        }
    }
}
