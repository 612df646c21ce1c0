package io.flatingest.infrastructure.clickhouse.type;

/**
 * String and FixedString(N): the text's UTF-8 bytes exactly, never trimmed or reinterpreted ({@code 007} stays
 * {@code 007}). A FixedString value longer than N bytes is rejected; a shorter one is padded with zero bytes, as
 * ClickHouse stores it.
 */
final class StringEncoder implements FieldEncoder {

    private final int fixedLength; // 0 for String

    StringEncoder(int fixedLength) {
        this.fixedLength = fixedLength;
    }

    @Override
    public void encode(String text, RowBinaryOutput out) throws ConversionException {
        int length = RowBinaryOutput.utf8Length(text);
        if (length < 0) {
            throw new ConversionException("the text holds an unpaired UTF-16 surrogate, which has no UTF-8 form");
        }
        if (fixedLength == 0) {
            out.writeVarUInt(length);
            out.writeUtf8(text, length);
            return;
        }
        if (length > fixedLength) {
            throw new ConversionException("the text is " + length + " bytes long in UTF-8; FixedString(" + fixedLength
                    + ") holds at most " + fixedLength);
        }
        out.writeUtf8(text, length);
        out.writeZeros(fixedLength - length);
    }
}
