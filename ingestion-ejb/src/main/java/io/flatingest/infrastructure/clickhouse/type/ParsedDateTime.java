package io.flatingest.infrastructure.clickhouse.type;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

/**
 * Date and date-time text read into seconds: ISO {@code YYYY-MM-DD}, {@code YYYY-MM-DD hh:mm:ss[.f…]} (space or
 * {@code T}) with an optional offset {@code Z}, {@code ±hh:mm}, {@code ±hhmm} or {@code ±hh}; unix seconds
 * {@code digits[.f…]}; or a caller's java.time pattern. The ISO shapes are read by hand, without java.time objects.
 *
 * @param seconds        seconds since 1970-01-01 00:00:00 of the local date-time, or of UTC when {@code zone} is
 *                       {@link #UTC_INSTANT}
 * @param nanos          the fraction of the second, in nanoseconds (the first nine digits)
 * @param fractionDigits how many fractional digits are significant (up to the last non-zero one, maybe more than 9)
 * @param zone           null for a local date-time, {@link #UTC_INSTANT} when the text fixed the instant, or a zone
 *                       a pattern read from the text
 */
record ParsedDateTime(long seconds, int nanos, int fractionDigits, ZoneId zone) {

    /** Marks text whose instant is fixed (an offset, or unix seconds). */
    static final ZoneId UTC_INSTANT = java.time.ZoneOffset.UTC;

    static final int SECONDS_PER_DAY = 86_400;

    /** Days since 1970-01-01 of a proleptic Gregorian date (no validation). */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    static boolean isValidDate(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        int days = switch (month) {
            case 2 -> (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return day <= days;
    }

    /**
     * The epoch day of ISO {@code YYYY-MM-DD}, or {@link Long#MIN_VALUE} when the text has another shape.
     *
     * @throws ConversionException when the text has the shape but names no calendar date (2023-02-30)
     */
    static long isoDate(String text) throws ConversionException {
        if (text.length() != 10 || !isDateShape(text)) {
            return Long.MIN_VALUE;
        }
        return validDate(text);
    }

    /**
     * ISO date or date-time text, or null when the text has neither shape.
     *
     * @throws ConversionException when the text has the shape but an impossible date, time or offset
     */
    static ParsedDateTime iso(String text) throws ConversionException {
        int n = text.length();
        if (n < 10 || !isDateShape(text)) {
            return null;
        }
        if (n == 10) {
            return new ParsedDateTime(validDate(text) * SECONDS_PER_DAY, 0, 0, null);
        }
        char separator = text.charAt(10);
        if ((separator != ' ' && separator != 'T') || n < 19 || text.charAt(13) != ':' || text.charAt(16) != ':'
                || !digits(text, 11, 13) || !digits(text, 14, 16) || !digits(text, 17, 19)) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        int fractionDigits = 0;
        if (i < n && text.charAt(i) == '.') {
            int start = ++i;
            for (; i < n && isDigit(text.charAt(i)); i++) {
                int digit = text.charAt(i) - '0';
                if (i - start < 9) {
                    nanos = nanos * 10 + digit;
                }
                if (digit != 0) {
                    fractionDigits = i - start + 1;
                }
            }
            if (i == start) {
                return null;
            }
            for (int k = Math.min(i - start, 9); k < 9; k++) {
                nanos *= 10;
            }
        }
        int offset = 0;
        boolean hasOffset = false;
        if (i < n) {
            char c = text.charAt(i);
            if (c == 'Z' || c == 'z') {
                hasOffset = true;
                i++;
            } else if (c == '+' || c == '-') {
                offset = offset(text, i + 1);
                offset = c == '-' ? -offset : offset;
                hasOffset = true;
                i = n;
            }
            if (i != n) {
                return null;
            }
        }
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        long day = validDate(text);
        if (hour > 23 || minute > 59 || second > 59) {
            throw new ConversionException(ConversionReasons.quote(text) + " is not a valid time of day");
        }
        long seconds = day * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offset;
        return new ParsedDateTime(seconds, nanos, fractionDigits, hasOffset ? UTC_INSTANT : null);
    }

    /**
     * The common case without any object: exactly {@code YYYY-MM-DD hh:mm:ss} (or with {@code T}) naming a valid
     * date and time, as local seconds since 1970-01-01 00:00; {@link Long#MIN_VALUE} for anything else, which
     * {@link #iso(String)} then reads or explains.
     */
    static long plainLocalSeconds(String text) {
        if (text.length() != 19 || !isDateShape(text) || (text.charAt(10) != ' ' && text.charAt(10) != 'T')
                || text.charAt(13) != ':' || text.charAt(16) != ':' || !digits(text, 11, 13) || !digits(text, 14, 16)
                || !digits(text, 17, 19)) {
            return Long.MIN_VALUE;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        if (!isValidDate(year, month, day) || hour > 23 || minute > 59 || second > 59) {
            return Long.MIN_VALUE;
        }
        return epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
    }

    /** Unix seconds {@code digits[.digits]}, or null when the text has another shape. */
    static ParsedDateTime unixSeconds(String text) {
        int n = text.length();
        int point = text.indexOf('.');
        int end = point < 0 ? n : point;
        if (end == 0 || end > 18 || !digits(text, 0, end) || (point >= 0 && (point == n - 1 || !digits(text,
                point + 1, n)))) {
            return null;
        }
        long seconds = Long.parseLong(text, 0, end, 10);
        int fractionLength = point < 0 ? 0 : n - point - 1;
        int nanos = 0;
        int fractionDigits = 0;
        for (int k = 0; k < fractionLength; k++) {
            int digit = text.charAt(point + 1 + k) - '0';
            if (k < 9) {
                nanos = nanos * 10 + digit;
            }
            if (digit != 0) {
                fractionDigits = k + 1;
            }
        }
        for (int k = Math.min(fractionLength, 9); k < 9; k++) {
            nanos *= 10;
        }
        return new ParsedDateTime(seconds, nanos, fractionDigits, UTC_INSTANT);
    }

    /**
     * Text read with a caller's pattern, or null when it does not match. A pattern without a time means midnight;
     * one with an offset or zone fixes it.
     */
    static ParsedDateTime pattern(String text, DateTimeFormatter formatter) {
        TemporalAccessor parsed;
        try {
            parsed = formatter.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
        LocalDate date = parsed.query(TemporalQueries.localDate());
        if (date == null) {
            return null;
        }
        LocalTime time = parsed.query(TemporalQueries.localTime());
        time = time == null ? LocalTime.MIDNIGHT : time;
        int nanos = time.getNano();
        int fractionDigits = 9;
        for (int n = nanos; fractionDigits > 0 && n % 10 == 0; n /= 10) {
            fractionDigits--;
        }
        ZoneId zone = parsed.query(TemporalQueries.zone());
        long seconds = date.toEpochDay() * SECONDS_PER_DAY + time.toSecondOfDay();
        if (zone instanceof java.time.ZoneOffset offset) {
            return new ParsedDateTime(seconds - offset.getTotalSeconds(), nanos, fractionDigits, UTC_INSTANT);
        }
        return new ParsedDateTime(seconds, nanos, fractionDigits, zone);
    }

    private static int offset(String text, int i) throws ConversionException {
        int n = text.length();
        int minutes = 0;
        if (n - i == 2 && digits(text, i, n)) {
            minutes = 0;
        } else if (n - i == 4 && digits(text, i, n)) {
            minutes = number(text, i + 2, i + 4);
        } else if (n - i == 5 && text.charAt(i + 2) == ':' && digits(text, i, i + 2) && digits(text, i + 3, n)) {
            minutes = number(text, i + 3, i + 5);
        } else {
            throw new ConversionException(ConversionReasons.quote(text)
                    + " has an invalid offset: expected Z, ±hh:mm, ±hhmm or ±hh");
        }
        int hours = number(text, i, i + 2);
        if (minutes > 59 || hours * 60 + minutes > 18 * 60) {
            throw new ConversionException(ConversionReasons.quote(text)
                    + " has an impossible offset (at most ±18:00)");
        }
        return hours * 3600 + minutes * 60;
    }

    private static boolean isDateShape(String text) {
        return text.charAt(4) == '-' && text.charAt(7) == '-' && digits(text, 0, 4) && digits(text, 5, 7)
                && digits(text, 8, 10);
    }

    private static long validDate(String text) throws ConversionException {
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        if (!isValidDate(year, month, day)) {
            throw new ConversionException(ConversionReasons.quote(text) + " is not a valid date");
        }
        return epochDay(year, month, day);
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }
}
