package io.flatingest.infrastructure.flatfile;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which charsets the byte scanner can work on directly. */
final class Charsets {

    private static final Map<Charset, Boolean> ASCII_COMPATIBLE = new ConcurrentHashMap<>();

    private Charsets() {
    }

    /**
     * Whether every ASCII byte means the same ASCII character and no multi-byte character contains an ASCII byte:
     * true for UTF-8 and for single-byte charsets that extend ASCII (ISO-8859-*, windows-125*). Everything else
     * (UTF-16/32, Shift_JIS, GBK, EBCDIC, ...) is transcoded to UTF-8 first.
     */
    static boolean asciiCompatible(Charset charset) {
        return ASCII_COMPATIBLE.computeIfAbsent(charset, Charsets::probe);
    }

    private static boolean probe(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return true;
        }
        if (!charset.canEncode() || charset.newEncoder().maxBytesPerChar() > 1.0f) {
            return false;
        }
        byte[] ascii = new byte[128];
        for (int i = 0; i < ascii.length; i++) {
            ascii[i] = (byte) i;
        }
        String decoded = new String(ascii, charset);
        if (decoded.length() != ascii.length) {
            return false;
        }
        for (int i = 0; i < ascii.length; i++) {
            if (decoded.charAt(i) != i) {
                return false;
            }
        }
        return true;
    }
}
