package io.flatingest.infrastructure.clickhouse.type;

/**
 * Converts the text of one flat-file field into one ClickHouse value and appends its RowBinary encoding.
 * Built once per column by {@link FieldEncoders#forType}; immutable and safe to share between threads.
 */
@FunctionalInterface
public interface FieldEncoder {

    /**
     * Encodes one value.
     *
     * @param text the field as read (unquoted, unescaped), or null when it matched a null token
     * @param out  where the encoded value goes; on failure part of it may have been written, so the caller rolls
     *             the row back with {@link RowBinaryOutput#truncate(int)}
     * @throws ConversionException when the text is not exactly a value of the column's type
     */
    void encode(String text, RowBinaryOutput out) throws ConversionException;
}
