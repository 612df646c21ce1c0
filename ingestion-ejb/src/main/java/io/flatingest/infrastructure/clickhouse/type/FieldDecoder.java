package io.flatingest.infrastructure.clickhouse.type;

import java.io.IOException;

/**
 * Reads one value of one column from RowBinary and returns its exact text. Built once per column by
 * {@link FieldFormatters#forType}, which resolves the type tree up front, so reading a value does no type dispatch.
 * An instance keeps scratch buffers: use it from one thread, for one stream at a time.
 */
public interface FieldDecoder {

    /**
     * Reads the next value.
     *
     * @return the value's text, or null for NULL
     * @throws java.io.EOFException when the stream ends inside the value
     * @throws DecodingException    when the bytes have no text under the options
     */
    String read(RowBinaryInput in) throws IOException;

    /**
     * Reads the next value and hands its text (exactly what {@link #read} returns) to {@code out}, as bytes where
     * the type allows; the same failures as {@link #read}.
     */
    default void write(RowBinaryInput in, TextSink out) throws IOException {
        out.value(read(in));
    }

    /**
     * Whether the text is a ClickHouse literal ({@code [..]}, {@code {..}}, {@code (..)}) that carries its own
     * quoting and backslash escapes. ClickHouse writes such values into TabSeparated as they are, not escaped again,
     * and reads them back the same way; a TSV writer must do likewise.
     */
    default boolean literal() {
        return false;
    }
}
