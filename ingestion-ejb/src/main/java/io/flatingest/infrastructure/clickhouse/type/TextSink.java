package io.flatingest.infrastructure.clickhouse.type;

import java.io.IOException;

/**
 * Takes a row's values as text, value by value, without a {@link String} for each where the text exists as bytes
 * already (a String column's UTF-8, a number's digits): the export's way from RowBinary straight to the bytes of a
 * file line. {@link FieldDecoder#write} calls exactly one of the value methods per value; {@link RowDecoder} ends
 * each row.
 */
public interface TextSink {

    /** A NULL. */
    void nullValue() throws IOException;

    /** A value's text as UTF-8 (valid: the caller checked it), {@code len} bytes of {@code b} from {@code off}. */
    void utf8(byte[] b, int off, int len) throws IOException;

    /** A value's text. */
    void text(String s) throws IOException;

    /** A value as {@link FieldDecoder#read} gives it: its text, or null for NULL. */
    default void value(String s) throws IOException {
        if (s == null) {
            nullValue();
        } else {
            text(s);
        }
    }

    /** Ends the row whose values were given since the last call. */
    void endRow() throws IOException;
}
