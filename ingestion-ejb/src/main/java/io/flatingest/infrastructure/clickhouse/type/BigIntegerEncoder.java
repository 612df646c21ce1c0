package io.flatingest.infrastructure.clickhouse.type;

import java.math.BigInteger;

/** Int128, Int256, UInt128, UInt256: decimal digits with an optional sign, range-checked exactly. */
final class BigIntegerEncoder implements FieldEncoder {

    private final String typeName;
    private final int width;
    private final BigInteger min;
    private final BigInteger max;
    private final String range;

    BigIntegerEncoder(ClickHouseType.Base base) {
        this.typeName = base.typeName();
        this.width = base.byteWidth();
        int bits = width * 8;
        this.min = base.signed() ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        this.max = (base.signed() ? BigInteger.ONE.shiftLeft(bits - 1) : BigInteger.ONE.shiftLeft(bits))
                .subtract(BigInteger.ONE);
        this.range = base.signed() ? "-2^" + (bits - 1) + "..2^" + (bits - 1) + "-1" : "0..2^" + bits + "-1";
    }

    @Override
    public void encode(String text, RowBinaryOutput out) throws ConversionException {
        int n = text.length();
        int start = n > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        if (start == n) {
            throw ConversionReasons.notValid(text, typeName);
        }
        for (int i = start; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw IntegerEncoder.notAnInteger(text, typeName);
            }
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw ConversionReasons.outOfRange(text, typeName, range);
        }
        writeLittleEndian(value, width, out);
    }

    /** The low {@code width} bytes of the two's complement of {@code value}, least significant first. */
    static void writeLittleEndian(BigInteger value, int width, RowBinaryOutput out) {
        byte[] bigEndian = value.toByteArray();
        int signExtension = value.signum() < 0 ? 0xFF : 0;
        for (int i = 0; i < width; i++) {
            int index = bigEndian.length - 1 - i;
            out.writeByte(index >= 0 ? bigEndian[index] : signExtension);
        }
    }
}
