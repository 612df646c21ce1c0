package io.flatingest.infrastructure.clickhouse.type;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZoneOffsetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe",
        "America/Sao_Paulo", "Pacific/Apia", "Europe/Dublin", "Asia/Kathmandu", "Africa/Casablanca"})
    void agreesWithJavaTimeIncludingGapsAndOverlaps(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        ZoneOffsets offsets = ZoneOffsets.of(zone);
        Random random = new Random(zoneName.hashCode());
        long from = LocalDateTime.of(1900, 1, 2, 0, 0).toEpochSecond(ZoneOffset.UTC);
        long to = LocalDateTime.of(2299, 12, 31, 0, 0).toEpochSecond(ZoneOffset.UTC);
        for (int i = 0; i < 30_000; i++) {
            long local = from + (long) (random.nextDouble() * (to - from));
            check(zone, offsets, local);
        }
        for (ZoneOffsetTransition t : zone.getRules().getTransitions()) { // around every historic transition
            long start = t.getDateTimeBefore().toEpochSecond(ZoneOffset.UTC);
            if (start > from && start < to) {
                for (long local = start - 7200; local <= start + 7200; local += 900) {
                    check(zone, offsets, local);
                    check(zone, offsets, local - 1);
                }
            }
        }
    }

    private static void check(ZoneId zone, ZoneOffsets offsets, long local) {
        LocalDateTime dateTime = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC);
        ZoneOffsetTransition transition = zone.getRules().getTransition(dateTime);
        long expected = transition != null && transition.isGap() ? ZoneOffsets.GAP
                : dateTime.atZone(zone).toEpochSecond(); // atZone takes the earlier offset in an overlap
        assertEquals(expected, offsets.toUtc(local), () -> zone + " " + dateTime);
    }
}
