package io.flatingest.schedule.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimingTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant next(String cron, ZoneId zone, String after) {
        return CronExpression.parse(cron).next(Instant.parse(after), zone).orElseThrow();
    }

    private static List<Instant> firings(Timing timing, String after, int count) {
        List<Instant> result = new ArrayList<>();
        Instant t = Instant.parse(after);
        for (int i = 0; i < count; i++) {
            t = timing.next(t).orElseThrow();
            result.add(t);
        }
        return result;
    }

    @Test
    void dailyCronFollowsTheWallClockOfItsZone() {
        assertEquals(Instant.parse("2025-06-02T00:00:00Z"), next("0 2 * * *", BERLIN, "2025-06-01T00:00:00Z"));
        assertEquals(Instant.parse("2025-06-01T03:30:00Z"), next("0 9 * * *", ZoneId.of("Asia/Kolkata"),
                "2025-06-01T00:00:00Z"));
        assertEquals(Instant.parse("2025-06-01T02:00:00Z"), next("0 2 * * *", ZoneId.of("UTC"),
                "2025-06-01T00:00:00Z"));
    }

    @Test
    void strictlyAfterTheGivenInstant() {
        assertEquals(Instant.parse("2025-06-01T10:16:00Z"), next("* * * * *", ZoneId.of("UTC"), "2025-06-01T10:15:00Z"));
        assertEquals(Instant.parse("2025-06-01T10:16:00Z"), next("* * * * *", ZoneId.of("UTC"),
                "2025-06-01T10:15:59.999Z"));
    }

    @Test
    void springForwardATimeTheClocksSkipFiresOnceMovedByTheGap() {
        // Berlin, 2025-03-30: 02:00 CET becomes 03:00 CEST; 02:30 does not exist that night.
        Timing t = new Timing(CronExpression.parse("30 2 * * *"), null, BERLIN);
        assertEquals(List.of(Instant.parse("2025-03-29T01:30:00Z"), Instant.parse("2025-03-30T01:30:00Z"),
                Instant.parse("2025-03-31T00:30:00Z")), firings(t, "2025-03-28T12:00:00Z", 3));
        // 03:30 CEST (01:30Z) that night: the skipped 02:30 and the real 03:30 are one firing for '30 2,3 * * *'.
        Timing both = new Timing(CronExpression.parse("30 2,3 * * *"), null, BERLIN);
        assertEquals(List.of(Instant.parse("2025-03-30T01:30:00Z"), Instant.parse("2025-03-31T00:30:00Z")),
                firings(both, "2025-03-30T00:00:00Z", 2));
    }

    @Test
    void fallBackATimeThatOccursTwiceFiresOnceAtItsFirstOccurrence() {
        // Berlin, 2025-10-26: 03:00 CEST becomes 02:00 CET; 02:30 happens at 00:30Z and again at 01:30Z.
        Timing t = new Timing(CronExpression.parse("30 2 * * *"), null, BERLIN);
        assertEquals(List.of(Instant.parse("2025-10-25T00:30:00Z"), Instant.parse("2025-10-26T00:30:00Z"),
                Instant.parse("2025-10-27T01:30:00Z")), firings(t, "2025-10-24T12:00:00Z", 3));
        // Asked from inside the repeated hour (after its first 02:30), the second 02:30 does not fire again.
        assertEquals(Instant.parse("2025-10-27T01:30:00Z"), next("30 2 * * *", BERLIN, "2025-10-26T01:10:00Z"));
    }

    @Test
    void minuteStepsDuringTheRepeatedHourRunOnWallClockTimes() {
        // After 02:45 CEST (00:45Z) the next wall-clock quarter is 03:00, reached at 02:00Z: the repeated
        // 02:00–02:59 CET is not fired a second time (use an interval for real-time regularity).
        assertEquals(Instant.parse("2025-10-26T02:00:00Z"), next("*/15 * * * *", BERLIN, "2025-10-26T00:45:00Z"));
        // Spring forward: after 01:45 CET (00:45Z) comes 03:00 CEST (01:00Z).
        assertEquals(Instant.parse("2025-03-30T01:00:00Z"), next("*/15 * * * *", BERLIN, "2025-03-30T00:45:00Z"));
    }

    @Test
    void weekdayMorningsKeepTheirLocalTimeAcrossTheChange() {
        Timing t = new Timing(CronExpression.parse("0 9 * * MON-FRI"), null, NEW_YORK);
        // US DST ended Sunday 2025-11-02: Friday 09:00 EDT = 13:00Z, Monday 09:00 EST = 14:00Z.
        assertEquals(List.of(Instant.parse("2025-10-31T13:00:00Z"), Instant.parse("2025-11-03T14:00:00Z")),
                firings(t, "2025-10-31T00:00:00Z", 2));
        // and back on 2026-03-08.
        assertEquals(List.of(Instant.parse("2026-03-06T14:00:00Z"), Instant.parse("2026-03-09T13:00:00Z")),
                firings(t, "2026-03-06T00:00:00Z", 2));
    }

    @Test
    void intervalsCountRealTimeFromTheEpochUnaffectedByDaylightSaving() {
        Timing quarter = Timing.of(null, "PT15M", "Europe/Berlin", Timing.MIN_INTERVAL);
        assertEquals(List.of(Instant.parse("2025-06-01T10:15:00Z"), Instant.parse("2025-06-01T10:30:00Z")),
                firings(quarter, "2025-06-01T10:07:30Z", 2));
        assertEquals(Instant.parse("2025-06-01T10:30:00Z"), quarter.next(Instant.parse("2025-06-01T10:15:00Z"))
                .orElseThrow());
        Timing hourly = Timing.of(null, "PT1H", "Europe/Berlin", Timing.MIN_INTERVAL);
        List<Instant> acrossFallBack = firings(hourly, "2025-10-25T23:30:00Z", 4);
        for (int i = 1; i < acrossFallBack.size(); i++) {
            assertEquals(Duration.ofHours(1), Duration.between(acrossFallBack.get(i - 1), acrossFallBack.get(i)));
        }
        assertEquals(Instant.parse("2025-10-26T00:00:00Z"), acrossFallBack.get(0));
        Timing sixHours = Timing.of("", "PT6H", "UTC", Timing.MIN_INTERVAL);
        assertEquals(Instant.parse("2025-06-01T12:00:00Z"), sixHours.next(Instant.parse("2025-06-01T07:00:00Z"))
                .orElseThrow());
    }

    @Test
    void namesListsRangesAndSteps() {
        ZoneId utc = ZoneId.of("UTC");
        assertEquals(Instant.parse("2025-06-02T08:00:00Z"), next("0 8-18/2 * * mon", utc, "2025-06-01T00:00:00Z"));
        assertEquals(Instant.parse("2025-07-01T00:05:00Z"), next("5 0 1 jul,jan *", utc, "2025-06-01T00:00:00Z"));
        assertEquals(Instant.parse("2025-06-01T00:00:00Z"), next("0 0 * * 7", utc, "2025-05-31T12:00:00Z"));
        assertEquals(Instant.parse("2025-06-01T00:00:00Z"), next("0 0 * * 0", utc, "2025-05-31T12:00:00Z"));
        assertEquals(Instant.parse("2025-06-01T10:20:00Z"), next("10/10 * * * *", utc, "2025-06-01T10:10:00Z"));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), next("@yearly", utc, "2025-06-01T00:00:00Z"));
    }

    @Test
    void dayOfMonthAndDayOfWeekBothRestrictedMeansEither() {
        // 2025-06-06 is a Friday, before the 13th.
        assertEquals(Instant.parse("2025-06-06T00:00:00Z"), next("0 0 13 * FRI", ZoneId.of("UTC"),
                "2025-06-01T00:00:00Z"));
        // With a wildcard day of week, only the 13th.
        assertEquals(Instant.parse("2025-06-13T00:00:00Z"), next("0 0 13 * *", ZoneId.of("UTC"),
                "2025-06-01T00:00:00Z"));
    }

    @Test
    void leapDaysAndImpossibleDates() {
        assertEquals(Instant.parse("2028-02-29T00:00:00Z"), next("0 0 29 2 *", ZoneId.of("UTC"),
                "2025-06-01T00:00:00Z"));
        assertEquals(Optional.empty(), CronExpression.parse("0 0 31 2 *").next(Instant.parse("2025-06-01T00:00:00Z"),
                ZoneId.of("UTC")));
    }

    @Test
    void badExpressionsAreRefusedNamingTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("61 * * * *"))
                .getMessage().contains("minute '61'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("* * * *"))
                .getMessage().contains("has 4"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("* * * * FOO"))
                .getMessage().contains("day of week"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("* 5-2 * * *"))
                .getMessage().contains("backwards"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("*/0 * * * *"))
                .getMessage().contains("minute"));
        assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("@often"));
        assertThrows(IllegalArgumentException.class, () -> Timing.of("0 * * * *", "PT1H", null, Timing.MIN_INTERVAL));
        assertThrows(IllegalArgumentException.class, () -> Timing.of(null, null, null, Timing.MIN_INTERVAL));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Timing.of(null, "PT10S", null,
                Timing.MIN_INTERVAL)).getMessage().contains("at least PT1M"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Timing.of(null, "15 minutes", null,
                Timing.MIN_INTERVAL)).getMessage().contains("ISO-8601"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Timing.of("0 * * * *", null, "Mars/Olympus",
                Timing.MIN_INTERVAL)).getMessage().contains("Mars/Olympus"));
    }
}
