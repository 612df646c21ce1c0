package io.flatingest.infrastructure.clickhouse.type;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How field text is converted into ClickHouse values, per import.
 *
 * @param serverTimeZone   the zone of DateTime/DateTime64 text without an offset when the column type names no
 *                         zone: the server's timezone, which the server would apply itself
 * @param missingValues    what NULL, or an empty field, becomes in a column that cannot hold it
 * @param datePatterns     java.time patterns (e.g. {@code dd/MM/yyyy}) tried, in order, after ISO {@code YYYY-MM-DD}
 * @param dateTimePatterns java.time patterns (e.g. {@code dd/MM/yyyy HH:mm}) tried, in order, after the ISO forms
 */
public record ConversionOptions(ZoneId serverTimeZone, MissingValues missingValues, List<String> datePatterns,
                                List<String> dateTimePatterns) {

    /** What NULL or an empty field becomes in a non-Nullable column whose type cannot represent it. */
    public enum MissingValues {
        /** The row is rejected (default): nothing is invented. */
        REJECT,
        /**
         * The type's default value: 0, '', 1970-01-01, the smallest Enum value, [] … as ClickHouse's own CSV input
         * does. Opt-in because it changes what the file said.
         */
        TYPE_DEFAULT
    }

    /**
     * @throws IllegalArgumentException when a pattern is not a valid java.time pattern
     */
    public ConversionOptions {
        Objects.requireNonNull(serverTimeZone, "serverTimeZone");
        Objects.requireNonNull(missingValues, "missingValues");
        datePatterns = List.copyOf(datePatterns);
        dateTimePatterns = List.copyOf(dateTimePatterns);
        datePatterns.forEach(ConversionOptions::formatter);
        dateTimePatterns.forEach(ConversionOptions::formatter);
    }

    /** Strict ISO-only conversion, rejecting missing values, in the given server timezone. */
    public static ConversionOptions defaults(ZoneId serverTimeZone) {
        return new ConversionOptions(serverTimeZone, MissingValues.REJECT, List.of(), List.of());
    }

    public ConversionOptions withMissingValues(MissingValues policy) {
        return new ConversionOptions(serverTimeZone, policy, datePatterns, dateTimePatterns);
    }

    public ConversionOptions withDatePatterns(String... patterns) {
        return new ConversionOptions(serverTimeZone, missingValues, List.of(patterns), dateTimePatterns);
    }

    public ConversionOptions withDateTimePatterns(String... patterns) {
        return new ConversionOptions(serverTimeZone, missingValues, datePatterns, List.of(patterns));
    }

    /**
     * A strict formatter for a pattern: invalid dates such as 30/02 fail instead of being adjusted, and
     * {@code yyyy} works without an era field.
     */
    static DateTimeFormatter formatter(String pattern) {
        try {
            return new DateTimeFormatterBuilder().appendPattern(pattern)
                    .parseDefaulting(ChronoField.ERA, 1)
                    .toFormatter(Locale.ENGLISH)
                    .withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid date/time pattern '" + pattern + "': " + e.getMessage(), e);
        }
    }
}
