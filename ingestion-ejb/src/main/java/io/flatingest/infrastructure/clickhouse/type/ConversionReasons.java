package io.flatingest.infrastructure.clickhouse.type;

/**
 * Wording shared by the encoders' {@link ConversionException} reasons, so that every reason reads the same way
 * next to the line, column and raw value the caller adds.
 */
final class ConversionReasons {

    private static final int MAX_SHOWN = 60;

    private ConversionReasons() {
    }

    /** The text in single quotes, shortened in the middle when long (the caller shows the full raw value). */
    static String quote(String text) {
        if (text.length() <= MAX_SHOWN) {
            return "'" + text + "'";
        }
        return "'" + text.substring(0, MAX_SHOWN - 20) + "…" + text.substring(text.length() - 19) + "'";
    }

    /** The text alone, shortened like {@link #quote(String)}: for values that are well-formed numbers. */
    static String show(String text) {
        String quoted = quote(text);
        return quoted.substring(1, quoted.length() - 1);
    }

    /** {@code 'abc' is not a valid Int32}, saying why when whitespace or emptiness is the cause. */
    static ConversionException notValid(String text, String typeName) {
        return notValid(text, typeName, null);
    }

    /** As {@link #notValid(String, String)}, with an explanation appended when the cause is not whitespace. */
    static ConversionException notValid(String text, String typeName, String why) {
        if (text.isEmpty()) {
            return new ConversionException("an empty value is not a valid " + typeName);
        }
        if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))) {
            return new ConversionException(quote(text) + " is not a valid " + typeName
                    + ": it has leading or trailing whitespace");
        }
        return new ConversionException(quote(text) + " is not a valid " + typeName + (why == null ? "" : ": " + why));
    }

    /** {@code 300 is out of range for UInt8 (0..255)}. */
    static ConversionException outOfRange(String text, String typeName, String range) {
        return new ConversionException(show(text) + " is out of range for " + typeName + " (" + range + ")");
    }
}
