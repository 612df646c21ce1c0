package io.flatingest.infrastructure.clickhouse.type;

/**
 * UUID: canonical {@code 8-4-4-4-12} hex digits (either case), or the same 32 digits without dashes, as ClickHouse
 * also reads. RowBinary holds two little-endian UInt64: the high 64 bits, then the low 64 bits.
 */
final class UuidEncoder implements FieldEncoder {

    @Override
    public void encode(String text, RowBinaryOutput out) throws ConversionException {
        long high;
        long low;
        if (text.length() == 36) {
            if (text.charAt(8) != '-' || text.charAt(13) != '-' || text.charAt(18) != '-' || text.charAt(23) != '-') {
                throw invalid(text);
            }
            high = hex(text, 0, 8) << 32 | hex(text, 9, 13) << 16 | hex(text, 14, 18);
            low = hex(text, 19, 23) << 48 | hex(text, 24, 36);
        } else if (text.length() == 32) {
            high = hex(text, 0, 16);
            low = hex(text, 16, 32);
        } else {
            throw invalid(text);
        }
        out.writeLong(high);
        out.writeLong(low);
    }

    private static long hex(String text, int from, int to) throws ConversionException {
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0 || text.charAt(i) > 'f') { // Character.digit also takes non-ASCII digits
                throw invalid(text);
            }
            value = value << 4 | digit;
        }
        return value;
    }

    private static ConversionException invalid(String text) {
        return ConversionReasons.notValid(text, "UUID", "expected 8-4-4-4-12 hexadecimal digits");
    }
}
