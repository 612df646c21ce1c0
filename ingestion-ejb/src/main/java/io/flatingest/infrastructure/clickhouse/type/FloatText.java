package io.flatingest.infrastructure.clickhouse.type;

import static java.lang.Math.multiplyHigh;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Float32 and Float64 as the shortest decimal that reads back to the same bits, spelled as ClickHouse spells it.
 *
 * <p><b>Digits.</b> Among all decimals that round to the value, the one with the fewest significant digits; of
 * several such, the one closest to the value; on a tie, the one with an even last digit. This is what ClickHouse
 * itself prints (double-conversion's {@code ToShortest} / {@code ToShortestSingle}), and it is computed with
 * Raffaello Giulietti's Schubfach algorithm. JDK 17's {@code Double.toString} round-trips but sometimes emits a
 * digit too many ({@code 2.0E-3} style rules, JDK-4511638), and JDK 19+ still prefers two digits to one (it prints
 * {@code 4.9E-324} where {@code 5e-324} is shorter): the JDK's digit selection differs exactly in the
 * {@code s >= 10} test below and in not scaling tiny subnormals. A Float32 is shortest as a float (0.1, not
 * 0.10000000149011612).
 *
 * <p><b>Notation.</b> Decided to match ClickHouse's text output byte for byte, so that an exported file equals
 * what {@code clickhouse-client … FORMAT CSV} writes and re-imports without surprises: plain notation while the
 * decimal exponent X (of d.ddd×10^X) is in [-6, 21), so {@code 0.000001}, {@code 100000000000000000000},
 * {@code 0.30000000000000004}; otherwise {@code 1e-7}, {@code 1.5e21}, {@code 3.4028235e38} (lower-case
 * {@code e}, no {@code +}). No trailing {@code .0}. Zero is {@code 0} or {@code -0}; infinities {@code inf} and
 * {@code -inf}; every NaN {@code nan}. ClickHouse, Java, Python and spreadsheets read all of these forms.
 */
final class FloatText {

    /** Longest possible output: "-" + 17 digits + "." + "e-324" and plain forms up to 21 digits + "-0.00000". */
    static final int MAX_LENGTH = 32;

    private static final int K_MIN = -324;
    private static final int K_MAX = 292;
    /** g = G[2(k - K_MIN)] 2^63 + G[2(k - K_MIN) + 1] = floor(10^-k 2^(125 - flog2pow10(-k))) + 1. */
    private static final long[] G = table();

    private static final long MASK_63 = (1L << 63) - 1;

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private FloatText() {
    }

    static String format(double v) {
        byte[] b = new byte[MAX_LENGTH];
        return new String(b, 0, write(v, b, 0), StandardCharsets.ISO_8859_1);
    }

    static String format(float v) {
        byte[] b = new byte[MAX_LENGTH];
        return new String(b, 0, write(v, b, 0), StandardCharsets.ISO_8859_1);
    }

    /** Writes the text of {@code v} at {@code off} ({@link #MAX_LENGTH} bytes must fit) and returns the new offset. */
    static int write(double v, byte[] dst, int off) {
        long bits = Double.doubleToRawLongBits(v);
        long t = bits & ((1L << 52) - 1);
        int bq = (int) (bits >>> 52) & 0x7FF;
        if (bq == 0x7FF) {
            return special(t != 0, bits < 0, dst, off);
        }
        if (bits < 0) {
            dst[off++] = '-';
        }
        if (bq != 0) {
            int q = bq - 1075;
            long c = (1L << 52) | t;
            if (q < 0 && q > -53) { // integers up to 2^53 exactly: no search needed
                long f = c >> -q;
                if (f << -q == c) {
                    return notation(f, 0, dst, off);
                }
            }
            return shortest(q, c, 1L << 52, -1074, dst, off);
        }
        if (t == 0) {
            dst[off++] = '0';
            return off;
        }
        return shortest(-1074, t, 1L << 52, -1074, dst, off);
    }

    /** As {@link #write(double, byte[], int)}, shortest among decimals that read back as this float. */
    static int write(float v, byte[] dst, int off) {
        int bits = Float.floatToRawIntBits(v);
        int t = bits & ((1 << 23) - 1);
        int bq = (bits >>> 23) & 0xFF;
        if (bq == 0xFF) {
            return special(t != 0, bits < 0, dst, off);
        }
        if (bits < 0) {
            dst[off++] = '-';
        }
        if (bq != 0) {
            int q = bq - 150;
            long c = (1L << 23) | t;
            if (q < 0 && q > -24) {
                long f = c >> -q;
                if (f << -q == c) {
                    return notation(f, 0, dst, off);
                }
            }
            return shortest(q, c, 1L << 23, -149, dst, off);
        }
        if (t == 0) {
            dst[off++] = '0';
            return off;
        }
        return shortest(-149, t, 1L << 23, -149, dst, off);
    }

    private static int special(boolean nan, boolean negative, byte[] dst, int off) {
        if (nan) {
            dst[off++] = 'n';
            dst[off++] = 'a';
            dst[off++] = 'n';
            return off;
        }
        if (negative) {
            dst[off++] = '-';
        }
        dst[off++] = 'i';
        dst[off++] = 'n';
        dst[off++] = 'f';
        return off;
    }

    /**
     * Schubfach (R. Giulietti, "The Schubfach way to render doubles", 2021; figure 7 and section 9) for the value
     * c 2^q of a binary format whose smallest normal significand is cMin and smallest exponent qMin. The 126-bit
     * table is that of binary64; it is precise enough for binary32 as well, whose exponents are a sub-range.
     */
    private static int shortest(int q, long c, long cMin, int qMin, byte[] dst, int off) {
        int out = (int) c & 1; // even significand: the rounding interval includes its bounds
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != cMin || q == qMin) {
            cbl = cb - 2;
            k = flog10pow2(q);
        } else {
            cbl = cb - 1; // at a power of two the gap below is half the gap above
            k = flog10threeQuartersPow2(q);
        }
        int h = q + flog2pow10(-k) + 2;
        int i = (k - K_MIN) << 1;
        long g1 = G[i];
        long g0 = G[i + 1];
        long vb = rop(g1, g0, cb << h);
        long vbl = rop(g1, g0, cbl << h);
        long vbr = rop(g1, g0, cbr << h);

        long s = vb >> 2;
        if (s >= 10) {
            // One digit fewer: the two multiples of 10^(k+1) around v. At most one lies in the interval. (The JDK
            // tests s >= 100 here, keeping two digits where one would do.)
            long sp10 = 10 * multiplyHigh(s, 115_292_150_460_684_698L << 4);
            long tp10 = sp10 + 10;
            boolean upin = vbl + out <= sp10 << 2;
            boolean wpin = (tp10 << 2) + out <= vbr;
            if (upin != wpin) {
                return notation(upin ? sp10 : tp10, k, dst, off);
            }
        }
        long tt = s + 1;
        boolean uin = vbl + out <= s << 2;
        boolean win = (tt << 2) + out <= vbr;
        if (uin != win) {
            return notation(uin ? s : tt, k, dst, off);
        }
        long cmp = vb - (s + tt << 1);
        return notation(cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : tt, k, dst, off);
    }

    /** Round to odd of cp g 2^-127. */
    private static long rop(long g1, long g0, long cp) {
        long x1 = multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | (z & MASK_63) + MASK_63 >>> 63;
    }

    /** floor(log10(2^e)) for |e| <= 5456721. */
    static int flog10pow2(int e) {
        return (int) (e * 661_971_961_083L >> 41);
    }

    /** floor(log10(3/4 2^e)) for |e| <= 5456721. */
    static int flog10threeQuartersPow2(int e) {
        return (int) (e * 661_971_961_083L + -274_743_187_321L >> 41);
    }

    /** floor(log2(10^e)) for |e| <= 1838394. */
    static int flog2pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }

    /** Writes f 10^e (f > 0) in ClickHouse's notation. */
    private static int notation(long f, int e, byte[] dst, int off) {
        // trailing zeros (up to 16 of the 17 digits) in steps of 8, 4, 2 and 1, not one division each
        while (f % 100_000_000 == 0) {
            f /= 100_000_000;
            e += 8;
        }
        if (f % 10_000 == 0) {
            f /= 10_000;
            e += 4;
        }
        if (f % 100 == 0) {
            f /= 100;
            e += 2;
        }
        if (f % 10 == 0) {
            f /= 10;
            e++;
        }
        int n = digitCount(f);
        int x = n - 1 + e; // the value is d.ddd 10^x
        if (x >= -6 && x < 21) {
            if (e >= 0) {
                writeDigits(f, n, dst, off);
                off += n;
                for (int j = 0; j < e; j++) {
                    dst[off++] = '0';
                }
                return off;
            }
            if (x >= 0) {
                writeDigits(f, n, dst, off + 1);
                System.arraycopy(dst, off + 1, dst, off, x + 1);
                dst[off + x + 1] = '.';
                return off + n + 1;
            }
            dst[off++] = '0';
            dst[off++] = '.';
            for (int j = -1; j > x; j--) {
                dst[off++] = '0';
            }
            writeDigits(f, n, dst, off);
            return off + n;
        }
        writeDigits(f, n, dst, off + 1);
        dst[off] = dst[off + 1];
        if (n > 1) {
            dst[off + 1] = '.';
            off += n + 1;
        } else {
            off += 1;
        }
        dst[off++] = 'e';
        if (x < 0) {
            dst[off++] = '-';
            x = -x;
        }
        if (x >= 100) {
            dst[off++] = (byte) ('0' + x / 100);
        }
        if (x >= 10) {
            dst[off++] = (byte) ('0' + x / 10 % 10);
        }
        dst[off++] = (byte) ('0' + x % 10);
        return off;
    }

    /** Writes the n digits of f (n = digitCount(f)) at {@code at}, two at a time. */
    private static void writeDigits(long f, int n, byte[] dst, int at) {
        int j = at + n;
        while (f >= 100) {
            long q = f / 100;
            int r = (int) (f - q * 100);
            dst[--j] = (byte) ('0' + r % 10);
            dst[--j] = (byte) ('0' + r / 10);
            f = q;
        }
        if (f >= 10) {
            dst[--j] = (byte) ('0' + f % 10);
            f /= 10;
        }
        dst[--j] = (byte) ('0' + f);
    }

    /** Decimal digits of f > 0, from its bit length: no division. */
    static int digitCount(long f) {
        int n = (64 - Long.numberOfLeadingZeros(f)) * 1233 >>> 12; // floor(log10(2^bits)), at most one too low
        return f >= POW10[n] ? n + 1 : n;
    }

    private static long[] table() {
        long[] g = new long[2 * (K_MAX - K_MIN + 1)];
        BigInteger mask63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
        for (int k = K_MIN; k <= K_MAX; k++) {
            int e = -k;
            int shift = 125 - flog2pow10(e);
            BigInteger v;
            if (e >= 0) {
                BigInteger p = BigInteger.TEN.pow(e);
                v = shift >= 0 ? p.shiftLeft(shift) : p.shiftRight(-shift);
            } else {
                v = BigInteger.ONE.shiftLeft(shift).divide(BigInteger.TEN.pow(-e));
            }
            v = v.add(BigInteger.ONE);
            int i = (k - K_MIN) << 1;
            g[i] = v.shiftRight(63).longValueExact();
            g[i + 1] = v.and(mask63).longValue();
        }
        return g;
    }
}
