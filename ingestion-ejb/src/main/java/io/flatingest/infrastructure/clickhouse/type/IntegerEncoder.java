package io.flatingest.infrastructure.clickhouse.type;

/**
 * Int8 … Int64 and UInt8 … UInt64: decimal digits with an optional sign, parsed without BigInteger, range-checked
 * exactly. No decimal point, exponent, hexadecimal or whitespace.
 */
final class IntegerEncoder implements FieldEncoder {

    /** 2^64 - 1 divided by 10: larger magnitudes overflow on the next digit. */
    private static final long MAX_MAGNITUDE_DIV_10 = Long.divideUnsigned(-1L, 10);

    private final String typeName;
    private final int width;
    private final boolean unsigned64;
    private final long min;
    private final long max;
    private final String range;

    IntegerEncoder(ClickHouseType.Base base) {
        this.typeName = base.typeName();
        this.width = base.byteWidth();
        this.unsigned64 = base == ClickHouseType.Base.UINT64;
        int bits = width * 8;
        if (base.signed()) {
            min = bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1));
            max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
        } else {
            min = 0;
            max = bits == 64 ? -1L : (1L << bits) - 1;
        }
        this.range = unsigned64 ? "0.." + Long.toUnsignedString(max) : min + ".." + max;
    }

    @Override
    public void encode(String text, RowBinaryOutput out) throws ConversionException {
        long value = parse(text);
        switch (width) {
            case 1 -> out.writeByte((int) value);
            case 2 -> out.writeShort((int) value);
            case 4 -> out.writeInt((int) value);
            default -> out.writeLong(value);
        }
    }

    /** The value of the text; for UInt64 the two's-complement bits of the unsigned value. */
    long parse(String text) throws ConversionException {
        int n = text.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        if (i == n) {
            throw ConversionReasons.notValid(text, typeName);
        }
        long magnitude = 0; // unsigned
        boolean overflow = false;
        for (; i < n; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                throw notAnInteger(text, typeName);
            }
            if (!overflow) {
                if (Long.compareUnsigned(magnitude, MAX_MAGNITUDE_DIV_10) > 0
                        || (magnitude == MAX_MAGNITUDE_DIV_10 && digit > 5)) {
                    overflow = true; // keep scanning: a bad character later is the better reason
                } else {
                    magnitude = magnitude * 10 + digit;
                }
            }
        }
        if (overflow) {
            throw ConversionReasons.outOfRange(text, typeName, range);
        }
        if (unsigned64) {
            if (negative && magnitude != 0) {
                throw ConversionReasons.outOfRange(text, typeName, range);
            }
            return magnitude;
        }
        if (Long.compareUnsigned(magnitude, Long.MIN_VALUE) > 0 || (!negative && magnitude < 0)) {
            throw ConversionReasons.outOfRange(text, typeName, range);
        }
        long value = negative ? -magnitude : magnitude;
        if (value < min || value > max) {
            throw ConversionReasons.outOfRange(text, typeName, range);
        }
        return value;
    }

    /** The reason for text that is not a plain signed integer: names decimals and hexadecimal explicitly. */
    static ConversionException notAnInteger(String text, String typeName) {
        if (ParsedDecimal.isNumber(text)) {
            return new ConversionException(ConversionReasons.quote(text) + " is not an integer: " + typeName
                    + " takes whole numbers without a decimal point or exponent");
        }
        String unsigned = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        if (unsigned.startsWith("0x") || unsigned.startsWith("0X")) {
            return ConversionReasons.notValid(text, typeName, "hexadecimal is not accepted");
        }
        return ConversionReasons.notValid(text, typeName);
    }
}
