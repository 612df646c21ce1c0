package io.flatingest.infrastructure.clickhouse.type;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** UUID, IPv4 and IPv6 in their canonical lower-case text. */
final class NetworkFormatters {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    private NetworkFormatters() {
    }

    /** UUID: two little-endian UInt64, the high half first; text {@code 8-4-4-4-12} lower-case hex. */
    static final class Uuid extends ValueFormatter.Quoted {
        private final byte[] scratch = new byte[36];

        @Override
        public String read(RowBinaryInput in) throws IOException {
            long hi = in.readLong();
            long lo = in.readLong();
            hex(hi >>> 32, 8, scratch, 0);
            scratch[8] = '-';
            hex(hi >>> 16, 4, scratch, 9);
            scratch[13] = '-';
            hex(hi, 4, scratch, 14);
            scratch[18] = '-';
            hex(lo >>> 48, 4, scratch, 19);
            scratch[23] = '-';
            hex(lo, 12, scratch, 24);
            return new String(scratch, 0, 36, StandardCharsets.ISO_8859_1);
        }
    }

    /** IPv4: a little-endian UInt32 whose most significant byte is the first octet. */
    static final class Ipv4 extends ValueFormatter.Quoted {
        private final byte[] scratch = new byte[15];

        @Override
        public String read(RowBinaryInput in) throws IOException {
            int v = in.readInt();
            int n = dotted(v >>> 24, v >>> 16 & 0xFF, v >>> 8 & 0xFF, v & 0xFF, scratch, 0);
            return new String(scratch, 0, n, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * IPv6: 16 bytes in network order. RFC 5952 text as ClickHouse's {@code formatIPv6} writes it: lower-case hex
     * without leading zeros, the first longest run of two or more zero groups as {@code ::}, and an embedded IPv4
     * dotted when the address is IPv4-mapped ({@code ::ffff:1.2.3.4}) or IPv4-compatible ({@code ::1.2.3.4}).
     */
    static final class Ipv6 extends ValueFormatter.Quoted {
        private final byte[] raw = new byte[16];
        private final byte[] scratch = new byte[48];

        @Override
        public String read(RowBinaryInput in) throws IOException {
            in.readBytes(raw, 0, 16);
            return ipv6(raw, scratch);
        }
    }

    static String ipv6(byte[] raw, byte[] out) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = (raw[2 * i] & 0xFF) << 8 | raw[2 * i + 1] & 0xFF;
        }
        int bestBase = -1;
        int bestLen = 0;
        int curBase = -1;
        int curLen = 0;
        for (int i = 0; i <= 8; i++) {
            if (i < 8 && words[i] == 0) {
                if (curBase < 0) {
                    curBase = i;
                    curLen = 0;
                }
                curLen++;
            } else if (curBase >= 0) {
                if (curLen > bestLen) {
                    bestBase = curBase;
                    bestLen = curLen;
                }
                curBase = -1;
            }
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        int n = 0;
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    out[n++] = ':';
                }
                continue;
            }
            if (i != 0) {
                out[n++] = ':';
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || bestLen == 5 && words[5] == 0xFFFF)) {
                n = dotted(raw[12] & 0xFF, raw[13] & 0xFF, raw[14] & 0xFF, raw[15] & 0xFF, out, n);
                return new String(out, 0, n, StandardCharsets.ISO_8859_1);
            }
            int w = words[i];
            boolean started = false;
            for (int shift = 12; shift >= 0; shift -= 4) {
                int d = w >>> shift & 0xF;
                if (started || d != 0 || shift == 0) {
                    out[n++] = HEX[d];
                    started = true;
                }
            }
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            out[n++] = ':';
        }
        return new String(out, 0, n, StandardCharsets.ISO_8859_1);
    }

    private static int dotted(int a, int b, int c, int d, byte[] out, int n) {
        n = octet(a, out, n);
        out[n++] = '.';
        n = octet(b, out, n);
        out[n++] = '.';
        n = octet(c, out, n);
        out[n++] = '.';
        return octet(d, out, n);
    }

    private static int octet(int v, byte[] out, int n) {
        if (v >= 100) {
            out[n++] = (byte) ('0' + v / 100);
        }
        if (v >= 10) {
            out[n++] = (byte) ('0' + v / 10 % 10);
        }
        out[n++] = (byte) ('0' + v % 10);
        return n;
    }

    private static void hex(long v, int digits, byte[] out, int at) {
        for (int i = at + digits - 1; i >= at; i--) {
            out[i] = HEX[(int) v & 0xF];
            v >>>= 4;
        }
    }
}
