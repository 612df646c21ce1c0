package io.flatingest.infrastructure.clickhouse.type;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks UTF-8 on the bytes, by the table of well-formed byte sequences in the Unicode standard (chapter 3, table
 * 3-7): no overlong forms, no surrogates, nothing above U+10FFFF, no truncated sequence. That is what the JDK's
 * strict UTF-8 decoder accepts.
 */
public final class Utf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Utf8() {
    }

    /** The index of the first byte of {@code bytes[from, to)} that is not ASCII, or {@code to}. */
    public static int asciiPrefix(byte[] bytes, int from, int to) {
        int i = from;
        while (i + 8 <= to && ((long) LONGS.get(bytes, i) & 0x8080_8080_8080_8080L) == 0) {
            i += 8; // eight ASCII bytes at a time
        }
        while (i < to && bytes[i] >= 0) {
            i++;
        }
        return i;
    }

    /** Whether {@code bytes[from, to)} is well-formed UTF-8. */
    public static boolean valid(byte[] bytes, int from, int to) {
        int i = asciiPrefix(bytes, from, to);
        while (i < to) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            int need;
            int low = 0x80;
            int high = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                low = b == 0xE0 ? 0xA0 : 0x80;
                high = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                low = b == 0xF0 ? 0x90 : 0x80;
                high = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                return false;
            }
            if (i + need >= to) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < low || second > high) {
                return false;
            }
            for (int k = 2; k <= need; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += need + 1;
        }
        return true;
    }
}
