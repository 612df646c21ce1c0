package io.flatingest.infrastructure.flatfile.schema;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strict recognisers for the value spellings that map onto ClickHouse types without changing the value. */
final class ValueSyntax {

    /** Plain decimal number: no sign but minus, no leading zeros, no bare point, no "-0". */
    private static final Pattern NUMBER = Pattern.compile("(-?)(0|[1-9][0-9]*)(?:\\.([0-9]+))?");
    private static final Pattern FLOAT = Pattern.compile(
            "-?(0|[1-9][0-9]*)(\\.[0-9]+)?[eE][-+]?[0-9]+|[-+]?(inf|Inf|Infinity)|-?(nan|NaN)");
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private ValueSyntax() {
    }

    /**
     * A number's shape: digits before and after the point, sign, significant digits.
     *
     * @param negative    whether it has a minus sign
     * @param integer     the digits before the point
     * @param scale       digits after the point
     * @param significant digits without leading zeros (for Float64 exactness)
     */
    record Number(boolean negative, String integer, int scale, int significant) {
    }

    /** The number, or null when the value is not a plain integer or fixed-point decimal (e.g. {@code 007}). */
    static Number number(String value) {
        Matcher m = NUMBER.matcher(value);
        if (!m.matches() || value.equals("-0")) {
            return null;
        }
        String fraction = m.group(3) == null ? "" : m.group(3);
        String digits = (m.group(2) + fraction).replaceFirst("^0+", "");
        return new Number(!m.group(1).isEmpty(), m.group(2), fraction.length(), Math.max(1, digits.length()));
    }

    static boolean floatOnly(String value) {
        return FLOAT.matcher(value).matches();
    }

    static LocalDate date(String value) {
        Matcher m = DATE.matcher(value);
        try {
            return m.matches() ? LocalDate.of(num(m, 1), num(m, 2), num(m, 3)) : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * A date-time and its fractional digits.
     *
     * @param value    the date-time
     * @param fraction digits after the seconds' point, 0 without
     */
    record DateTime(LocalDateTime value, int fraction) {
    }

    static DateTime dateTime(String value) {
        Matcher m = DATE_TIME.matcher(value);
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDateTime dt = LocalDateTime.of(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6));
            return new DateTime(dt, m.group(7) == null ? 0 : m.group(7).length());
        } catch (DateTimeException e) {
            return null;
        }
    }

    static boolean uuid(String value) {
        return value.length() == 36 && UUID.matcher(value).matches();
    }

    static boolean bool(String value) {
        return value.equals("true") || value.equals("false");
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
