package io.flatingest.infrastructure.clickhouse.type;

/**
 * Decimal number text, {@code [+-]digits[.digits][(e|E)[+-]digits]} (either side of the point may be empty, not
 * both), read as {@code significand × 10^exponent} with leading and trailing zeros stripped from the significand.
 * Up to 18 significant digits the significand is a {@code long}, so callers need no BigDecimal.
 *
 * @param negative    whether the text has a minus sign (also for zero)
 * @param significand the significant digits, valid when {@code digits <= 18}
 * @param digits      the number of significant digits, 0 for zero
 * @param exponent    the power of ten the significand is multiplied by
 */
record ParsedDecimal(boolean negative, long significand, int digits, long exponent) {

    /** Digits beyond this many are not accumulated into {@link #significand}. */
    static final int LONG_DIGITS = 18;

    /** An exponent beyond this size only matters for zero; clamped so that arithmetic cannot overflow. */
    private static final long EXPONENT_CLAMP = 1_000_000_000L;

    /** What {@link #plain(String)} returns for text it does not handle. */
    static final long NOT_PLAIN = -1;

    private static final int PLAIN_DIGITS = 17;
    private static final long SIGNIFICAND_MASK = (1L << 57) - 1; // 10^17 - 1 < 2^57

    /**
     * The common case without any object: {@code [+-]digits[.digits]} with at most 17 digits, packed into a long
     * (read back with {@link #plainSignificand}, {@link #plainFractionDigits} and {@link #plainNegative}), or
     * {@link #NOT_PLAIN} for anything else, which {@link #parse(String)} then reads or explains.
     */
    static long plain(String text) {
        int n = text.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        long significand = 0;
        int digits = 0;
        int point = -1;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > PLAIN_DIGITS) {
                    return NOT_PLAIN;
                }
                significand = significand * 10 + (c - '0');
            } else if (c == '.' && point < 0) {
                point = digits;
            } else {
                return NOT_PLAIN;
            }
        }
        if (digits == 0) {
            return NOT_PLAIN;
        }
        long fractionDigits = point < 0 ? 0 : digits - point;
        return significand | fractionDigits << 57 | (negative ? 1L << 62 : 0);
    }

    /** All digits of a {@link #plain(String)} result as one integer (leading and trailing zeros included). */
    static long plainSignificand(long plain) {
        return plain & SIGNIFICAND_MASK;
    }

    /** How many of the digits of a {@link #plain(String)} result follow the decimal point. */
    static int plainFractionDigits(long plain) {
        return (int) (plain >>> 57) & 0x1F;
    }

    static boolean plainNegative(long plain) {
        return (plain & 1L << 62) != 0;
    }

    static boolean isNumber(String text) {
        return parse(text) != null;
    }

    /** Whether the value is zero. */
    boolean isZero() {
        return digits == 0;
    }

    /** The parsed number, or null when the text is not decimal number text. */
    static ParsedDecimal parse(String text) {
        int n = text.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
            negative = text.charAt(0) == '-';
            i++;
        }
        long significand = 0;
        int digits = 0;
        int pendingZeros = 0; // zeros after the last non-zero digit
        long exponent = 0;
        boolean anyDigit = false;
        boolean fraction = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c == '.' && !fraction) {
                fraction = true;
                continue;
            }
            int d = c - '0';
            if (d < 0 || d > 9) {
                break;
            }
            anyDigit = true;
            if (fraction) {
                exponent--;
            }
            if (d == 0) {
                if (digits > 0) {
                    pendingZeros++;
                }
                continue;
            }
            for (; pendingZeros > 0; pendingZeros--) {
                digits++;
                if (digits <= LONG_DIGITS) {
                    significand *= 10;
                }
            }
            digits++;
            if (digits <= LONG_DIGITS) {
                significand = significand * 10 + d;
            }
        }
        if (!anyDigit) {
            return null;
        }
        exponent += pendingZeros;
        if (i < n) {
            char c = text.charAt(i);
            if (c != 'e' && c != 'E') {
                return null;
            }
            i++;
            boolean negativeExponent = false;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                negativeExponent = text.charAt(i) == '-';
                i++;
            }
            if (i == n) {
                return null;
            }
            long e = 0;
            for (; i < n; i++) {
                int d = text.charAt(i) - '0';
                if (d < 0 || d > 9) {
                    return null;
                }
                e = Math.min(e * 10 + d, EXPONENT_CLAMP);
            }
            exponent += negativeExponent ? -e : e;
        }
        return new ParsedDecimal(negative, digits == 0 ? 0 : significand, digits, digits == 0 ? 0 : exponent);
    }
}
