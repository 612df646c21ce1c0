package io.flatingest.infrastructure.clickhouse.type;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Integers of every width, Float32/Float64, Decimal and Bool. Integers print in plain decimal; Decimals print their
 * exact value with exactly S fraction digits ({@code 1.50} for Decimal(9, 2), {@code -0.05}, no exponent, no
 * rounding); floats print as {@link FloatText} describes.
 */
final class NumberFormatters {

    /** Text of every byte value -128..255, so that 8-bit columns allocate nothing. */
    private static final String[] SMALL = new String[384];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = Integer.toString(i - 128);
        }
    }

    private NumberFormatters() {
    }

    static ValueFormatter forBase(ClickHouseType.Base base) {
        return switch (base) {
            case INT8, UINT8, INT16, UINT16, INT32, UINT32, INT64, UINT64 -> new Whole(base);
            case INT128, UINT128, INT256, UINT256 -> new Bare(in -> wide(in, base.byteWidth() / 8, base.signed()));
            case FLOAT32 -> new Float32();
            case FLOAT64 -> new Float64();
            case BOOL -> new Bare(in -> in.readByte() != 0 ? "true" : "false");
            default -> throw new IllegalArgumentException("not a number type: " + base);
        };
    }

    static ValueFormatter decimal(ClickHouseType.Decimal type) {
        int scale = type.scale();
        return switch (type.byteWidth()) {
            case 4 -> new Decimal64(scale, true);
            case 8 -> new Decimal64(scale, false);
            default -> {
                int words = type.byteWidth() / 8;
                yield new Bare(in -> decimalWide(in, words, scale));
            }
        };
    }

    /** The text of unscaled 10^-scale. */
    static String decimal(long unscaled, int scale) {
        return decimal(unscaled, scale, new byte[41]);
    }

    /** The text of unscaled 10^-scale, built in {@code b} (41 bytes at least). */
    static String decimal(long unscaled, int scale, byte[] b) {
        if (scale == 0) {
            return Long.toString(unscaled);
        }
        if (unscaled == Long.MIN_VALUE) {
            return decimal(BigInteger.valueOf(unscaled), scale);
        }
        boolean negative = unscaled < 0;
        long m = Math.abs(unscaled);
        int digits = Math.max(digitCount(m), scale + 1);
        int len = digits + 1 + (negative ? 1 : 0);
        int p = len;
        for (int i = 0; i < scale; i++) {
            b[--p] = (byte) ('0' + m % 10);
            m /= 10;
        }
        b[--p] = '.';
        do {
            b[--p] = (byte) ('0' + m % 10);
            m /= 10;
        } while (m != 0);
        if (negative) {
            b[--p] = '-';
        }
        return new String(b, 0, len, StandardCharsets.ISO_8859_1);
    }

    static String decimal(BigInteger unscaled, int scale) {
        if (scale == 0) {
            return unscaled.toString();
        }
        String digits = unscaled.abs().toString();
        StringBuilder sb = new StringBuilder(digits.length() + scale + 3);
        if (unscaled.signum() < 0) {
            sb.append('-');
        }
        int intDigits = digits.length() - scale;
        if (intDigits <= 0) {
            sb.append("0.");
            sb.append("0".repeat(-intDigits));
            sb.append(digits);
        } else {
            sb.append(digits, 0, intDigits).append('.').append(digits, intDigits, digits.length());
        }
        return sb.toString();
    }

    private static String decimalWide(RowBinaryInput in, int words, int scale) throws IOException {
        long lo = in.readLong();
        long hi = in.readLong();
        if (words == 2 && hi == lo >> 63) {
            return decimal(lo, scale);
        }
        return decimal(toBigInteger(in, words, lo, hi, true), scale);
    }

    /** A 128- or 256-bit little-endian integer. */
    static String wide(RowBinaryInput in, int words, boolean signed) throws IOException {
        long lo = in.readLong();
        long hi = in.readLong();
        if (words == 2 && (signed ? hi == lo >> 63 : hi == 0 && lo >= 0)) {
            return Long.toString(lo);
        }
        return toBigInteger(in, words, lo, hi, signed).toString();
    }

    private static BigInteger toBigInteger(RowBinaryInput in, int words, long lo, long hi, boolean signed)
            throws IOException {
        long[] w = new long[words];
        w[0] = lo;
        w[1] = hi;
        for (int i = 2; i < words; i++) {
            w[i] = in.readLong();
        }
        byte[] be = new byte[words * 8];
        for (int i = 0; i < words; i++) {
            long v = w[i];
            int end = be.length - i * 8;
            for (int j = 1; j <= 8; j++) {
                be[end - j] = (byte) v;
                v >>>= 8;
            }
        }
        return signed ? new BigInteger(be) : new BigInteger(1, be);
    }

    private static int digitCount(long m) {
        int n = 1;
        while (m >= 10) {
            m /= 10;
            n++;
        }
        return n;
    }

    @FunctionalInterface
    interface Reader {
        String read(RowBinaryInput in) throws IOException;
    }

    /** A number whose text is the same at top level and inside literals. */
    static final class Bare extends ValueFormatter.Bare {
        private final Reader reader;

        Bare(Reader reader) {
            this.reader = reader;
        }

        @Override
        public String read(RowBinaryInput in) throws IOException {
            return reader.read(in);
        }
    }

    /** Integers of up to 64 bits; their digits go to a {@link TextSink} without a String. */
    static final class Whole extends ValueFormatter.Bare {
        private final ClickHouseType.Base base;
        private final byte[] digits = new byte[20];

        Whole(ClickHouseType.Base base) {
            this.base = base;
        }

        /** The value, as a signed long (UInt64 as its bits). */
        private long value(RowBinaryInput in) throws IOException {
            return switch (base) {
                case INT8 -> in.readByte();
                case UINT8 -> in.readUnsignedByte();
                case INT16 -> in.readShort();
                case UINT16 -> in.readShort() & 0xFFFF;
                case INT32 -> in.readInt();
                case UINT32 -> in.readInt() & 0xFFFF_FFFFL;
                default -> in.readLong();
            };
        }

        @Override
        public String read(RowBinaryInput in) throws IOException {
            long v = value(in);
            if (v >= -128 && v < SMALL.length - 128 && base != ClickHouseType.Base.UINT64) {
                return SMALL[(int) v + 128];
            }
            return base == ClickHouseType.Base.UINT64 ? Long.toUnsignedString(v) : Long.toString(v);
        }

        @Override
        public void write(RowBinaryInput in, TextSink out) throws IOException {
            int from = digits(value(in), base == ClickHouseType.Base.UINT64, digits);
            out.utf8(digits, from, digits.length - from);
        }
    }

    /**
     * Writes the decimal digits of {@code v} (unsigned: of its bits as an unsigned number) right-aligned into
     * {@code b} (20 bytes at least) and returns where they start.
     */
    static int digits(long v, boolean unsigned, byte[] b) {
        int p = b.length;
        if (unsigned && v < 0) {
            long q = Long.divideUnsigned(v, 10);
            b[--p] = (byte) ('0' + (v - q * 10));
            v = q;
        }
        boolean negative = v < 0;
        if (!negative) {
            v = -v; // counted in negatives, so that Long.MIN_VALUE needs no special case
        }
        while (v <= -100) { // two digits per division
            long q = v / 100;
            int r = (int) (q * 100 - v);
            b[--p] = (byte) ('0' + r % 10);
            b[--p] = (byte) ('0' + r / 10);
            v = q;
        }
        if (v <= -10) {
            b[--p] = (byte) ('0' - v % 10);
            v /= 10;
        }
        b[--p] = (byte) ('0' - v);
        if (negative) {
            b[--p] = '-';
        }
        return p;
    }

    /** Decimal32/Decimal64: a 4- or 8-byte unscaled integer. */
    static final class Decimal64 extends ValueFormatter.Bare {
        private final int scale;
        private final boolean narrow;
        private final byte[] scratch = new byte[41];

        Decimal64(int scale, boolean narrow) {
            this.scale = scale;
            this.narrow = narrow;
        }

        @Override
        public String read(RowBinaryInput in) throws IOException {
            return decimal(narrow ? in.readInt() : in.readLong(), scale, scratch);
        }
    }

    static final class Float32 extends ValueFormatter.Bare {
        private final byte[] scratch = new byte[FloatText.MAX_LENGTH];

        @Override
        public String read(RowBinaryInput in) throws IOException {
            int n = FloatText.write(in.readFloat(), scratch, 0);
            return new String(scratch, 0, n, StandardCharsets.ISO_8859_1);
        }

        @Override
        public void write(RowBinaryInput in, TextSink out) throws IOException {
            out.utf8(scratch, 0, FloatText.write(in.readFloat(), scratch, 0));
        }
    }

    static final class Float64 extends ValueFormatter.Bare {
        private final byte[] scratch = new byte[FloatText.MAX_LENGTH];

        @Override
        public String read(RowBinaryInput in) throws IOException {
            int n = FloatText.write(in.readDouble(), scratch, 0);
            return new String(scratch, 0, n, StandardCharsets.ISO_8859_1);
        }

        @Override
        public void write(RowBinaryInput in, TextSink out) throws IOException {
            out.utf8(scratch, 0, FloatText.write(in.readDouble(), scratch, 0));
        }
    }
}
