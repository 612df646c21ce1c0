package io.flatingest.infrastructure.clickhouse.type;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Date (UInt16 days, 1970-01-01..2149-06-06) and Date32 (Int32 days, 1900-01-01..2299-12-31): ISO
 * {@code YYYY-MM-DD}, then the caller's date patterns in order. Impossible dates (2023-02-30) are rejected, never
 * adjusted; a text with a time of day other than midnight is rejected rather than cut to its date.
 */
final class DateEncoder implements FieldEncoder {

    private static final long DATE_MAX = 65_535;
    private static final long DATE32_MIN = LocalDate.of(1900, 1, 1).toEpochDay();
    private static final long DATE32_MAX = LocalDate.of(2299, 12, 31).toEpochDay();

    private final boolean date32;
    private final String typeName;
    private final long min;
    private final long max;
    private final List<DateTimeFormatter> patterns;
    private final String expected;

    DateEncoder(boolean date32, List<String> patterns) {
        this.date32 = date32;
        this.typeName = date32 ? "Date32" : "Date";
        this.min = date32 ? DATE32_MIN : 0;
        this.max = date32 ? DATE32_MAX : DATE_MAX;
        this.patterns = patterns.stream().map(ConversionOptions::formatter).toList();
        this.expected = "expected YYYY-MM-DD" + (patterns.isEmpty() ? "" : " or " + String.join(" or ", patterns));
    }

    @Override
    public void encode(String text, RowBinaryOutput out) throws ConversionException {
        long day = epochDay(text);
        if (day < min || day > max) {
            throw new ConversionException(ConversionReasons.quote(text) + " is out of range for " + typeName + " ("
                    + LocalDate.ofEpochDay(min) + ".." + LocalDate.ofEpochDay(max) + ")");
        }
        if (date32) {
            out.writeInt((int) day);
        } else {
            out.writeShort((int) day);
        }
    }

    private long epochDay(String text) throws ConversionException {
        ConversionException isoError;
        try {
            long day = ParsedDateTime.isoDate(text);
            if (day != Long.MIN_VALUE) {
                return day;
            }
            isoError = null;
        } catch (ConversionException e) {
            isoError = e; // 2023-02-30; a pattern might still read the text
        }
        for (DateTimeFormatter pattern : patterns) {
            ParsedDateTime parsed = ParsedDateTime.pattern(text, pattern);
            if (parsed != null) {
                if (Math.floorMod(parsed.seconds(), ParsedDateTime.SECONDS_PER_DAY) != 0 || parsed.nanos() != 0) {
                    throw new ConversionException(ConversionReasons.quote(text) + " has a time of day; "
                            + typeName + " stores dates only");
                }
                return Math.floorDiv(parsed.seconds(), ParsedDateTime.SECONDS_PER_DAY);
            }
        }
        if (isoError != null) {
            throw isoError;
        }
        throw ConversionReasons.notValid(text, typeName, expected);
    }
}
