package io.flatingest.infrastructure.clickhouse.type;

/**
 * A field's text is not exactly a value of its column's type. The message is the reason alone, for example
 * {@code 300 is out of range for UInt8 (0..255)}; the caller adds line, column and raw value.
 *
 * <p>No stack trace is captured: a bad file may reject millions of rows, and the trace would say nothing the
 * reason does not.
 */
public final class ConversionException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConversionException(String reason) {
        super(reason, null, false, false);
    }

    /** The human-readable reason (same as {@link #getMessage()}). */
    public String reason() {
        return getMessage();
    }

    /** This reason with a prefix saying where inside a composite value it arose, e.g. {@code array element 3}. */
    ConversionException within(String where) {
        return new ConversionException(where + ": " + getMessage());
    }
}
