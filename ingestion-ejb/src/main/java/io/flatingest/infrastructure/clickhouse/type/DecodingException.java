package io.flatingest.infrastructure.clickhouse.type;

import java.io.IOException;

/**
 * A RowBinary value that has no text under the export's rules: a String that is not UTF-8 (see
 * {@link FormatOptions.InvalidUtf8}), an Enum number the type does not name, a length beyond reason.
 * {@link RowDecoder} adds the row and the column to the message.
 */
public class DecodingException extends IOException {

    public DecodingException(String message) {
        super(message);
    }

    public DecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
