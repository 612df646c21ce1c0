package io.flatingest.schedule.control;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a schedule fires: a cron expression in a time zone, or every N minutes/hours.
 *
 * <p>An interval counts real time, not wall-clock time, and its firings are whole multiples of it since the Unix
 * epoch: "every 15 minutes" fires at :00, :15, :30 and :45, "every hour" on the hour (in zones with whole-hour
 * offsets), and daylight-saving changes neither skip nor repeat a firing.
 *
 * @param cron     the cron expression, or null for an interval
 * @param interval the interval, or null for a cron expression
 * @param zone     the zone cron times are wall-clock times of (and in which export names show the date)
 */
public record Timing(CronExpression cron, Duration interval, ZoneId zone) {

    /** The shortest interval accepted unless configured lower ({@code flatingest.schedules.min-interval}). */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    public Timing {
        if ((cron == null) == (interval == null)) {
            throw new IllegalArgumentException("Give either a cron expression or an interval, not both or neither");
        }
        if (interval != null && (interval.isNegative() || interval.isZero() || interval.toMillis() % 1000 != 0)) {
            throw new IllegalArgumentException("The interval must be a positive number of seconds, got " + interval);
        }
        if (zone == null) {
            throw new IllegalArgumentException("A time zone is required");
        }
    }

    /**
     * Builds a timing from what a user typed.
     *
     * @param cron     a cron expression, or null/blank
     * @param interval an ISO-8601 duration ({@code PT15M}, {@code PT2H}), or null/blank
     * @param zone     a zone id ({@code Europe/Paris}, {@code UTC}); null/blank means UTC
     * @param minimum  the shortest interval allowed
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Timing of(String cron, String interval, String zone, Duration minimum) {
        boolean hasCron = cron != null && !cron.isBlank();
        boolean hasInterval = interval != null && !interval.isBlank();
        if (hasCron == hasInterval) {
            throw new IllegalArgumentException("Give either cron (e.g. '0 2 * * *') or interval (e.g. 'PT15M'),"
                    + " not both or neither");
        }
        ZoneId zoneId;
        try {
            zoneId = zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Unknown time zone '" + zone + "' (use a region id such as"
                    + " Europe/Paris, or UTC)");
        }
        if (hasCron) {
            return new Timing(CronExpression.parse(cron), null, zoneId);
        }
        Duration d;
        try {
            d = Duration.parse(interval.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("interval must be an ISO-8601 duration such as PT15M or PT2H, got '"
                    + interval + "'");
        }
        if (d.compareTo(minimum) < 0) {
            throw new IllegalArgumentException("interval must be at least " + minimum + ", got " + d);
        }
        return new Timing(null, d, zoneId);
    }

    /** The first firing strictly after {@code after}; empty when a cron expression never fires. */
    public Optional<Instant> next(Instant after) {
        if (cron != null) {
            return cron.next(after, zone);
        }
        long step = interval.toSeconds();
        return Optional.of(Instant.ofEpochSecond((Math.floorDiv(after.getEpochSecond(), step) + 1) * step));
    }
}
