package io.flatingest.infrastructure.clickhouse.type;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A RowBinary stream as ClickHouse sends it for {@code SELECT … FORMAT RowBinary}: little-endian fixed-width
 * values, LEB128 lengths, strings as raw bytes. Reads through one large reusable buffer, so a value is decoded
 * straight from the bytes the socket delivered.
 *
 * <p>{@link #atEnd()} is asked only between rows: a stream may end there and nowhere else. Any read that finds
 * the stream exhausted throws an {@link EOFException} saying that the stream ended in the middle of a row.
 * Not thread-safe; one instance per stream.
 */
public final class RowBinaryInput {

    /** Default buffer size: large enough that refills are rare, small enough to keep per job. */
    public static final int DEFAULT_BUFFER_SIZE = 1 << 18;

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int limit;
    private long consumedBefore; // bytes consumed before buf[0]
    private boolean eof;

    public RowBinaryInput(InputStream in) {
        this(in, DEFAULT_BUFFER_SIZE);
    }

    public RowBinaryInput(InputStream in, int bufferSize) {
        this.in = Objects.requireNonNull(in, "in");
        if (bufferSize < 64) {
            throw new IllegalArgumentException("buffer size too small: " + bufferSize);
        }
        this.buf = new byte[bufferSize];
    }

    /**
     * Whether the stream has ended cleanly. Call only at a row boundary; blocks until at least one byte of the next
     * row arrives or the stream ends.
     */
    public boolean atEnd() throws IOException {
        return pos == limit && !fill(1);
    }

    /** Bytes consumed so far (values read, not bytes buffered). */
    public long position() {
        return consumedBefore + pos;
    }

    public byte readByte() throws IOException {
        require(1);
        return buf[pos++];
    }

    /** An unsigned byte, 0..255. */
    public int readUnsignedByte() throws IOException {
        require(1);
        return buf[pos++] & 0xFF;
    }

    public short readShort() throws IOException {
        require(2);
        short v = (short) SHORT.get(buf, pos);
        pos += 2;
        return v;
    }

    public int readInt() throws IOException {
        require(4);
        int v = (int) INT.get(buf, pos);
        pos += 4;
        return v;
    }

    public long readLong() throws IOException {
        require(8);
        long v = (long) LONG.get(buf, pos);
        pos += 8;
        return v;
    }

    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    /** An unsigned LEB128 number as used for String lengths and Array sizes. */
    public long readVarUInt() throws IOException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readUnsignedByte();
            result |= (long) (b & 0x7F) << shift;
            if (b < 0x80) {
                return result;
            }
        }
        throw new IOException("RowBinary: malformed variable-length number at byte " + (position() - 10));
    }

    /** A length prefix (String length, Array or Map size) that must fit an array. */
    public int readLength() throws IOException {
        long n = readVarUInt();
        if (n > Integer.MAX_VALUE - 16) {
            throw new IOException("RowBinary: length " + Long.toUnsignedString(n) + " at byte " + position()
                    + " is implausible (corrupt stream or wrong column types)");
        }
        return (int) n;
    }

    /** Reads exactly {@code len} bytes into {@code dst}. */
    public void readBytes(byte[] dst, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, dst.length);
        while (len > 0) {
            if (pos == limit && !fill(1)) {
                throw truncated(len);
            }
            int n = Math.min(len, limit - pos);
            System.arraycopy(buf, pos, dst, off, n);
            pos += n;
            off += n;
            len -= n;
        }
    }

    /** Reads exactly {@code len} bytes into a new array. */
    public byte[] readBytes(int len) throws IOException {
        byte[] b = new byte[len];
        readBytes(b, 0, len);
        return b;
    }

    /** Skips exactly {@code len} bytes. */
    public void skip(long len) throws IOException {
        while (len > 0) {
            if (pos == limit && !fill(1)) {
                throw truncated(len);
            }
            int n = (int) Math.min(len, limit - pos);
            pos += n;
            len -= n;
        }
    }

    /** A String value (length-prefixed bytes) decoded as UTF-8; malformed bytes become U+FFFD. */
    public String readString() throws IOException {
        return readUtf8(readLength());
    }

    /** {@code len} bytes decoded as UTF-8, straight from the buffer when they fit; malformed bytes become U+FFFD. */
    public String readUtf8(int len) throws IOException {
        if (len <= buf.length) {
            require(len);
            String s = new String(buf, pos, len, StandardCharsets.UTF_8);
            pos += len;
            return s;
        }
        return new String(readBytes(len), StandardCharsets.UTF_8);
    }

    /**
     * Makes {@code len} bytes available contiguously in {@link #buffer()} from {@link #bufferPosition()}, growing
     * the buffer when needed, without consuming them; pair with {@link #advance(int)}.
     */
    public void require(int len) throws IOException {
        if (limit - pos >= len) {
            return;
        }
        if (len > buf.length) {
            grow(len);
        }
        if (!fill(len)) {
            throw truncated(len - (limit - pos));
        }
    }

    /** The internal buffer; valid from {@link #bufferPosition()} for as many bytes as {@link #require(int)} asked. */
    public byte[] buffer() {
        return buf;
    }

    /** Offset of the next unread byte in {@link #buffer()}. */
    public int bufferPosition() {
        return pos;
    }

    /** Consumes {@code len} bytes previously made available by {@link #require(int)}. */
    public void advance(int len) {
        if (len < 0 || len > limit - pos) {
            throw new IllegalArgumentException("advance " + len + " beyond available " + (limit - pos));
        }
        pos += len;
    }

    private void grow(int len) {
        byte[] bigger = new byte[Math.max(len, buf.length * 2)];
        System.arraycopy(buf, pos, bigger, 0, limit - pos);
        consumedBefore += pos;
        limit -= pos;
        pos = 0;
        buf = bigger;
    }

    /** Reads until at least {@code len} bytes are buffered; false when the stream ends first. */
    private boolean fill(int len) throws IOException {
        if (pos > 0) { // what is left is shorter than len: move it to the front and read as much as fits
            int remaining = limit - pos;
            System.arraycopy(buf, pos, buf, 0, remaining);
            consumedBefore += pos;
            pos = 0;
            limit = remaining;
        }
        while (limit - pos < len) {
            if (eof) {
                return false;
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                return false;
            }
            limit += n;
        }
        return true;
    }

    private EOFException truncated(long missing) {
        return new EOFException("RowBinary stream ended in the middle of a row at byte " + (consumedBefore + limit)
                + " (" + missing + " more byte(s) expected): the query failed on the server or the connection broke");
    }
}
