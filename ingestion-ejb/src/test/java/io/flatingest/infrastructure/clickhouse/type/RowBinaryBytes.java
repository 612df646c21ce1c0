package io.flatingest.infrastructure.clickhouse.type;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds RowBinary bytes by hand for tests: little-endian numbers, LEB128 lengths, length-prefixed strings. */
final class RowBinaryBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    RowBinaryBytes i8(int v) {
        out.write(v);
        return this;
    }

    RowBinaryBytes i16(int v) {
        return le(v, 2);
    }

    RowBinaryBytes i32(int v) {
        return le(v, 4);
    }

    RowBinaryBytes i64(long v) {
        return le(v, 8);
    }

    RowBinaryBytes f32(float v) {
        return i32(Float.floatToRawIntBits(v));
    }

    RowBinaryBytes f64(double v) {
        return i64(Double.doubleToRawLongBits(v));
    }

    RowBinaryBytes varUInt(long v) {
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    RowBinaryBytes string(String s) {
        return string(s.getBytes(StandardCharsets.UTF_8));
    }

    RowBinaryBytes string(byte[] b) {
        varUInt(b.length);
        return raw(b);
    }

    RowBinaryBytes raw(byte... b) {
        out.write(b, 0, b.length);
        return this;
    }

    RowBinaryBytes raw(int... b) {
        for (int v : b) {
            out.write(v);
        }
        return this;
    }

    /** Two's complement little-endian integer of {@code bytes} bytes. */
    RowBinaryBytes wide(java.math.BigInteger v, int bytes) {
        byte[] be = v.toByteArray();
        for (int i = 0; i < bytes; i++) {
            int j = be.length - 1 - i;
            out.write(j >= 0 ? be[j] : (v.signum() < 0 ? 0xFF : 0));
        }
        return this;
    }

    private RowBinaryBytes le(long v, int n) {
        for (int i = 0; i < n; i++) {
            out.write((int) (v >>> (8 * i)));
        }
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    RowBinaryInput input() {
        return new RowBinaryInput(new ByteArrayInputStream(bytes()));
    }
}
