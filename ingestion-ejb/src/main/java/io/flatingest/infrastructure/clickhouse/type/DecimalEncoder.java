package io.flatingest.infrastructure.clickhouse.type;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Decimal(P, S) of all four widths. Never rounds: extra decimal places are accepted only when they are zeros
 * ({@code 1.500} fits Decimal(9, 2), {@code 1.505} does not); the integer part may have at most P - S digits.
 * Exponent notation is accepted when the value is exact. Up to 18 significant digits no BigDecimal is involved.
 */
final class DecimalEncoder implements FieldEncoder {

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private final ClickHouseType.Decimal type;
    private final String typeName;
    private final int width;

    DecimalEncoder(ClickHouseType.Decimal type) {
        this.type = type;
        this.typeName = type.toString();
        this.width = type.byteWidth();
    }

    @Override
    public void encode(String text, RowBinaryOutput out) throws ConversionException {
        long plain = ParsedDecimal.plain(text);
        if (plain != ParsedDecimal.NOT_PLAIN && encodePlain(plain, out)) {
            return;
        }
        ParsedDecimal number = ParsedDecimal.parse(text);
        if (number == null) {
            throw ConversionReasons.notValid(text, typeName);
        }
        if (number.isZero()) {
            out.writeZeros(width);
            return;
        }
        int scale = type.scale();
        long exponent = number.exponent();
        if (-exponent > scale) {
            throw new ConversionException(ConversionReasons.quote(text) + " has "
                    + plural(-exponent, "decimal place") + "; " + typeName + " allows " + scale);
        }
        long integerDigits = Math.max(0, number.digits() + exponent);
        if (integerDigits > type.precision() - scale) {
            throw new ConversionException(ConversionReasons.quote(text) + " has " + plural(integerDigits, "digit")
                    + " before the decimal point; " + typeName + " allows " + (type.precision() - scale));
        }
        int shift = (int) (exponent + scale); // >= 0 and digits + shift <= precision, checked above
        if (number.digits() + shift <= ParsedDecimal.LONG_DIGITS) {
            long unscaled = number.significand() * POWERS_OF_TEN[shift];
            writeLong(number.negative() ? -unscaled : unscaled, out);
        } else {
            BigInteger unscaled = new BigDecimal(text).movePointRight(scale).toBigIntegerExact();
            BigIntegerEncoder.writeLittleEndian(unscaled, width, out);
        }
    }

    /**
     * The common case without any object: plain text whose value fits, at this scale, in 18 digits. False when
     * the value needs the general path, which also explains rejections.
     */
    private boolean encodePlain(long plain, RowBinaryOutput out) {
        long significand = ParsedDecimal.plainSignificand(plain);
        int scale = type.scale();
        int shift = scale - ParsedDecimal.plainFractionDigits(plain);
        if (shift < 0) { // extra decimal places: fine only if they are zeros
            if (significand % POWERS_OF_TEN[-shift] != 0) {
                return false;
            }
            significand /= POWERS_OF_TEN[-shift];
            shift = 0;
        }
        int limit = Math.min(type.precision(), ParsedDecimal.LONG_DIGITS);
        if (shift > limit || significand >= POWERS_OF_TEN[limit - shift]) {
            return false;
        }
        long unscaled = significand * POWERS_OF_TEN[shift];
        writeLong(ParsedDecimal.plainNegative(plain) ? -unscaled : unscaled, out);
        return true;
    }

    private void writeLong(long unscaled, RowBinaryOutput out) {
        switch (width) {
            case 4 -> out.writeInt((int) unscaled);
            case 8 -> out.writeLong(unscaled);
            default -> {
                out.writeLong(unscaled);
                long signExtension = unscaled < 0 ? -1L : 0L;
                for (int i = 8; i < width; i += 8) {
                    out.writeLong(signExtension);
                }
            }
        }
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
