package io.flatingest.infrastructure.clickhouse.type;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * DateTime (UInt32 seconds, 1970-01-01 00:00:00..2106-02-07 06:28:15 UTC) and DateTime64(p) (Int64 ticks of
 * 10^-p s, 1900-01-01 00:00:00..2299-12-31 23:59:59.999999999 UTC, within Int64 for p = 9).
 *
 * <p>Text forms, tried in this order: ISO date-time ({@code YYYY-MM-DD hh:mm:ss}, {@code T} allowed, optional
 * fraction, optional offset {@code Z} / {@code ±hh:mm} / {@code ±hhmm} / {@code ±hh}); ISO date alone, meaning
 * midnight; the caller's date-time patterns, then date patterns (midnight); unix seconds ({@code digits[.f]}), so a
 * configured all-digit pattern such as {@code yyyyMMdd} wins over unix seconds.
 *
 * <p>Text without an offset is local time in the column's zone, else the server's. A local time that does not
 * exist (skipped by a daylight-saving change) is rejected; an ambiguous one (repeated when clocks go back) takes
 * the earlier offset, i.e. the first of the two instants, as {@link java.time.ZonedDateTime} does. Fractional
 * digits beyond the precision are accepted only when they are zeros.
 */
final class DateTimeEncoder implements FieldEncoder {

    private static final long DATETIME_MAX = 0xFFFF_FFFFL;
    private static final long DATETIME64_MIN = ParsedDateTime.epochDay(1900, 1, 1) * ParsedDateTime.SECONDS_PER_DAY;
    private static final long DATETIME64_MAX = (ParsedDateTime.epochDay(2299, 12, 31) + 1)
            * ParsedDateTime.SECONDS_PER_DAY - 1;

    private final String typeName;
    private final int precision; // -1 for DateTime
    private final long ticksPerSecond;
    private final int nanosPerTick;
    private final ZoneId zone;
    private final ZoneOffsets offsets;
    private final boolean utc;
    private final List<DateTimeFormatter> patterns;
    private final String expected;
    private final String range;

    /**
     * @param precision -1 for DateTime, 0..9 for DateTime64
     * @param zone      the column's zone, else the server's
     */
    DateTimeEncoder(String typeName, int precision, ZoneId zone, ConversionOptions options) {
        this.typeName = typeName;
        this.precision = precision;
        long ticks = 1;
        for (int i = 0; i < precision; i++) {
            ticks *= 10;
        }
        this.ticksPerSecond = ticks;
        this.nanosPerTick = (int) (1_000_000_000L / ticks);
        this.zone = zone;
        this.offsets = ZoneOffsets.of(zone);
        this.utc = zone.normalized().equals(ZoneOffset.UTC);
        List<DateTimeFormatter> all = new ArrayList<>();
        options.dateTimePatterns().forEach(p -> all.add(ConversionOptions.formatter(p)));
        options.datePatterns().forEach(p -> all.add(ConversionOptions.formatter(p)));
        this.patterns = List.copyOf(all);
        List<String> names = new ArrayList<>(options.dateTimePatterns());
        names.addAll(options.datePatterns());
        this.expected = "expected YYYY-MM-DD hh:mm:ss" + (precision > 0 ? "[.f…]" : "")
                + " (optionally with T and Z or ±hh:mm), YYYY-MM-DD, "
                + (names.isEmpty() ? "" : String.join(", ", names) + ", ") + "or unix seconds";
        this.range = precision < 0 ? "1970-01-01 00:00:00..2106-02-07 06:28:15 UTC"
                : "1900-01-01 00:00:00..2299-12-31 23:59:59 UTC";
    }

    @Override
    public void encode(String text, RowBinaryOutput out) throws ConversionException {
        long local = ParsedDateTime.plainLocalSeconds(text);
        if (local != Long.MIN_VALUE) { // the common case, without objects
            write(text, toUtc(local, text), 0, false, out);
            return;
        }
        ParsedDateTime parsed = parse(text);
        if (parsed.fractionDigits() > Math.max(precision, 0)) {
            throw new ConversionException(precision <= 0
                    ? ConversionReasons.quote(text) + " has fractional seconds; " + typeName + " stores whole seconds"
                    : ConversionReasons.quote(text) + " has " + parsed.fractionDigits() + " fractional digits; "
                    + typeName + " allows " + precision);
        }
        long seconds = parsed.seconds();
        ZoneId textZone = parsed.zone();
        if (textZone == null) {
            seconds = toUtc(seconds, text);
        } else if (textZone != ParsedDateTime.UTC_INSTANT) { // a zone read by a pattern
            long utcSeconds = ZoneOffsets.of(textZone).toUtc(seconds);
            if (utcSeconds == ZoneOffsets.GAP) {
                throw new ConversionException(ConversionReasons.quote(text) + " "
                        + ZoneOffsets.of(textZone).describeGap(seconds));
            }
            seconds = utcSeconds;
        }
        write(text, seconds, parsed.nanos(), textZone != null, out);
    }

    private void write(String text, long seconds, int nanos, boolean fixedInstant, RowBinaryOutput out)
            throws ConversionException {
        if (precision < 0) {
            if (seconds < 0 || seconds > DATETIME_MAX) {
                throw outOfRange(text, fixedInstant);
            }
            out.writeInt((int) seconds);
            return;
        }
        if (seconds < DATETIME64_MIN || seconds > DATETIME64_MAX) {
            throw outOfRange(text, fixedInstant);
        }
        try {
            out.writeLong(Math.addExact(Math.multiplyExact(seconds, ticksPerSecond), nanos / nanosPerTick));
        } catch (ArithmeticException e) {
            throw outOfRange(text, fixedInstant); // DateTime64(9) ends at 2262-04-11 23:47:16
        }
    }

    private ParsedDateTime parse(String text) throws ConversionException {
        ConversionException isoError = null;
        try {
            ParsedDateTime parsed = ParsedDateTime.iso(text);
            if (parsed != null) {
                return parsed;
            }
        } catch (ConversionException e) {
            isoError = e; // an impossible ISO date; a pattern might still read the text
        }
        for (DateTimeFormatter pattern : patterns) {
            ParsedDateTime parsed = ParsedDateTime.pattern(text, pattern);
            if (parsed != null) {
                return parsed;
            }
        }
        if (isoError != null) {
            throw isoError;
        }
        ParsedDateTime parsed = ParsedDateTime.unixSeconds(text);
        if (parsed == null) {
            throw ConversionReasons.notValid(text, typeName, expected);
        }
        return parsed;
    }

    /**
     * Local time in the column's zone to UTC. A local time skipped by a daylight-saving change is rejected; a
     * repeated one takes the earlier instant, as {@link java.time.ZonedDateTime} does.
     */
    private long toUtc(long local, String text) throws ConversionException {
        long seconds = offsets.toUtc(local);
        if (seconds == ZoneOffsets.GAP) {
            throw new ConversionException(ConversionReasons.quote(text) + " " + offsets.describeGap(local));
        }
        return seconds;
    }

    private ConversionException outOfRange(String text, boolean fixedInstant) {
        String where = fixedInstant || utc ? "" : " in " + zone;
        return new ConversionException(ConversionReasons.quote(text) + where + " is out of range for " + typeName
                + " (" + range + ")");
    }
}
