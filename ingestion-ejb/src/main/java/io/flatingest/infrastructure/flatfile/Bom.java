package io.flatingest.infrastructure.flatfile;

import java.nio.charset.Charset;

/** A byte-order mark: which charset it announces and how many bytes it takes. */
record Bom(Charset charset, int length) {

    /** The byte-order mark at the start of {@code head}, or null. UTF-32LE is tested before UTF-16LE. */
    static Bom of(byte[] head) {
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return new Bom(Charset.forName("UTF-8"), 3);
        } else if (startsWith(head, 0x00, 0x00, 0xFE, 0xFF)) {
            return new Bom(Charset.forName("UTF-32BE"), 4);
        } else if (startsWith(head, 0xFF, 0xFE, 0x00, 0x00)) {
            return new Bom(Charset.forName("UTF-32LE"), 4);
        } else if (startsWith(head, 0xFE, 0xFF)) {
            return new Bom(Charset.forName("UTF-16BE"), 2);
        } else if (startsWith(head, 0xFF, 0xFE)) {
            return new Bom(Charset.forName("UTF-16LE"), 2);
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
