package io.flatingest.schedule.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OutputNamesTest {

    private static final Instant TICK = Instant.parse("2025-06-30T22:30:00Z");

    @Test
    void placeholdersTakeTheTickInTheSchedulesZone() {
        assertEquals("sales-2025-07-01.csv", OutputNames.expand("sales-{date}.csv", TICK, ZoneId.of("Europe/Paris")));
        assertEquals("sales-2025-06-30.csv", OutputNames.expand("sales-{date}.csv", TICK, ZoneId.of("UTC")));
        assertEquals("s-20250701-003000.tsv.gz", OutputNames.expand("s-{datetime}.tsv.gz", TICK,
                ZoneId.of("Europe/Paris")));
        assertEquals("2025/07/01/00-30_0030_" + TICK.getEpochSecond(), OutputNames.expand(
                "{year}/{month}/{day}/{hour}-{minute}_{time}_{epoch}", TICK, ZoneId.of("Europe/Paris")));
        assertEquals("plain.csv", OutputNames.expand("plain.csv", TICK, ZoneId.of("UTC")));
        assertNull(OutputNames.expand(null, TICK, ZoneId.of("UTC")));
    }

    @Test
    void unknownPlaceholdersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> OutputNames.expand("x-{weekday}.csv", TICK,
                ZoneId.of("UTC")));
    }
}
