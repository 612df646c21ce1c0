package io.flatingest.schedule.control;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A five-field cron expression ({@code minute hour day-of-month month day-of-week}) evaluated in a time zone, with
 * the classic syntax: {@code *}, numbers, ranges {@code a-b}, lists {@code a,b}, steps {@code *}{@code /n} and
 * {@code a-b/n}, month and day names ({@code JAN}, {@code MON}), Sunday as 0 or 7, and the macros {@code @hourly},
 * {@code @daily}, {@code @weekly}, {@code @monthly}, {@code @yearly}. When both day fields are restricted, a day
 * matching either fires (as in Vixie cron).
 *
 * <p>Times are wall-clock times of the zone. Across daylight-saving changes: a time the clocks skip (02:30 on a
 * spring-forward night in Europe) fires once, moved forward by the length of the gap (03:30); a time that occurs
 * twice (02:30 on a fall-back night) fires once, at its first occurrence.
 */
public final class CronExpression {

    private static final Map<String, String> MACROS = Map.of("@hourly", "0 * * * *", "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *", "@weekly", "0 0 * * 0", "@monthly", "0 0 1 * *", "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *");
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
            "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    /** How far ahead a next time is searched: beyond, an expression is taken as never firing (31 February). */
    private static final int SEARCH_DAYS = 8 * 366;

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean eitherDay;

    private CronExpression(String text, String[] f) {
        this.text = text;
        minutes = field("minute", f[0], 0, 59, null);
        hours = field("hour", f[1], 0, 23, null);
        daysOfMonth = field("day of month", f[2], 1, 31, null);
        months = field("month", f[3], 1, 12, MONTHS);
        daysOfWeek = field("day of week", f[4], 0, 7, DAYS);
        if (daysOfWeek.get(7)) {
            daysOfWeek.set(0);
        }
        eitherDay = !f[2].startsWith("*") && !f[4].startsWith("*");
    }

    /**
     * Parses an expression.
     *
     * @throws IllegalArgumentException naming the field and value that are wrong
     */
    public static CronExpression parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("A cron expression is required (minute hour day-of-month month"
                    + " day-of-week, e.g. '0 2 * * *')");
        }
        String trimmed = expression.strip();
        String expanded = MACROS.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
        if (expanded.startsWith("@")) {
            throw new IllegalArgumentException("Unknown cron macro '" + trimmed + "': use one of " + MACROS.keySet());
        }
        String[] fields = expanded.split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("A cron expression has 5 fields (minute hour day-of-month month"
                    + " day-of-week), '" + trimmed + "' has " + fields.length);
        }
        return new CronExpression(trimmed, fields);
    }

    /** The next firing strictly after {@code after}, in {@code zone}; empty when the expression never fires. */
    public Optional<Instant> next(Instant after, ZoneId zone) {
        // Wall-clock candidates in ascending order map to non-decreasing instants (gap times move forward, overlap
        // times take the earlier offset), so the first candidate later than 'after' is the answer. Start a day
        // early so that a candidate whose wall time is before after's own (an overlap) is not missed.
        LocalDate day = ZonedDateTime.ofInstant(after, zone).toLocalDate().minusDays(1);
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (!matches(day)) {
                continue;
            }
            for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
                for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                    Instant candidate = ZonedDateTime.of(LocalDateTime.of(day, java.time.LocalTime.of(h, m)), zone)
                            .toInstant();
                    if (candidate.isAfter(after)) {
                        return Optional.of(candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private boolean matches(LocalDate day) {
        if (!months.get(day.getMonthValue())) {
            return false;
        }
        boolean dom = daysOfMonth.get(day.getDayOfMonth());
        boolean dow = daysOfWeek.get(day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : day.getDayOfWeek().getValue());
        return eitherDay ? dom || dow : dom && dow;
    }

    private static BitSet field(String name, String value, int min, int max, String[] names) {
        BitSet bits = new BitSet(max + 1);
        for (String item : value.split(",", -1)) {
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(name, item.substring(slash + 1), 1, max, null, value);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.indexOf('-') > 0) {
                from = number(name, range.substring(0, range.indexOf('-')), min, max, names, value);
                to = number(name, range.substring(range.indexOf('-') + 1), min, max, names, value);
                if (to < from) {
                    throw new IllegalArgumentException("Cron " + name + " range '" + range + "' runs backwards");
                }
            } else {
                from = number(name, range, min, max, names, value);
                to = slash >= 0 ? max : from;
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int number(String name, String token, int min, int max, String[] names, String field) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equalsIgnoreCase(token)) {
                    return i + (names == MONTHS ? 1 : 0);
                }
            }
        }
        try {
            int v = Integer.parseInt(token);
            if (v < min || v > max) {
                throw new IllegalArgumentException("Cron " + name + " '" + token + "' is outside " + min + "–" + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Cron " + name + " field '" + field + "' is not understood at '"
                    + token + "'");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
