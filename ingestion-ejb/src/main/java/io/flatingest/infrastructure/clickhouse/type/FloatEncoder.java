package io.flatingest.infrastructure.clickhouse.type;

/**
 * Float32 and Float64: decimal or exponent notation, or {@code inf}, {@code infinity}, {@code nan} (any case,
 * infinities with an optional sign). The text is rounded once, straight to the target width (Float32 rounding of
 * a decimal text is inherent and accepted); a finite text that would become infinite, or a non-zero text that would
 * become zero, is rejected because that changes the value.
 */
final class FloatEncoder implements FieldEncoder {

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final float[] POWERS_OF_TEN_32 = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};

    private final boolean single;
    private final String typeName;

    FloatEncoder(boolean single) {
        this.single = single;
        this.typeName = single ? "Float32" : "Float64";
    }

    @Override
    public void encode(String text, RowBinaryOutput out) throws ConversionException {
        if (single) {
            out.writeInt(Float.floatToRawIntBits(parseFloat(text)));
        } else {
            out.writeLong(Double.doubleToRawLongBits(parseDouble(text)));
        }
    }

    double parseDouble(String text) throws ConversionException {
        long plain = ParsedDecimal.plain(text);
        if (plain != ParsedDecimal.NOT_PLAIN) {
            long significand = ParsedDecimal.plainSignificand(plain);
            int fractionDigits = ParsedDecimal.plainFractionDigits(plain);
            if (significand < 1L << 53) { // Clinger's fast path, see below; nothing can overflow or underflow
                double value = significand / POWERS_OF_TEN[fractionDigits];
                return ParsedDecimal.plainNegative(plain) ? -value : value;
            }
        }
        ParsedDecimal number = ParsedDecimal.parse(text);
        if (number == null) {
            return special(text);
        }
        double value;
        long e = number.exponent();
        if (number.digits() <= 15 && e >= -22 && e <= 22) {
            // Clinger's fast path: both operands are exact doubles, so one IEEE operation rounds correctly.
            double significand = number.significand();
            value = e >= 0 ? significand * POWERS_OF_TEN[(int) e] : significand / POWERS_OF_TEN[(int) -e];
            value = number.negative() ? -value : value;
        } else {
            value = Double.parseDouble(text);
        }
        check(text, number, Double.isInfinite(value), value == 0);
        return value;
    }

    float parseFloat(String text) throws ConversionException {
        long plain = ParsedDecimal.plain(text);
        if (plain != ParsedDecimal.NOT_PLAIN) {
            long significand = ParsedDecimal.plainSignificand(plain);
            int fractionDigits = ParsedDecimal.plainFractionDigits(plain);
            if (significand < 1L << 24 && fractionDigits <= 10) {
                float value = significand / POWERS_OF_TEN_32[fractionDigits];
                return ParsedDecimal.plainNegative(plain) ? -value : value;
            }
        }
        ParsedDecimal number = ParsedDecimal.parse(text);
        if (number == null) {
            return (float) special(text);
        }
        float value;
        long e = number.exponent();
        if (number.digits() <= 7 && e >= -10 && e <= 10) {
            float significand = number.significand();
            value = e >= 0 ? significand * POWERS_OF_TEN_32[(int) e] : significand / POWERS_OF_TEN_32[(int) -e];
            value = number.negative() ? -value : value;
        } else {
            value = Float.parseFloat(text);
        }
        check(text, number, Float.isInfinite(value), value == 0);
        return value;
    }

    private void check(String text, ParsedDecimal number, boolean infinite, boolean zero) throws ConversionException {
        if (infinite) {
            throw ConversionReasons.outOfRange(text, typeName, "it would overflow to infinity");
        }
        if (zero && !number.isZero()) {
            throw new ConversionException(ConversionReasons.show(text) + " is too close to zero for " + typeName
                    + " (it would underflow to 0)");
        }
    }

    private double special(String text) throws ConversionException {
        String word = text;
        boolean negative = false;
        if (!text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
            negative = text.charAt(0) == '-';
            word = text.substring(1);
        }
        if (word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (word.length() == text.length() && word.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        throw ConversionReasons.notValid(text, typeName);
    }
}
