package io.flatingest.infrastructure.clickhouse.type;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A zone's offset transitions from 1900 to 2300, flattened into arrays when an encoder is built, so that turning a
 * local date-time into UTC is a binary search with no java.time objects (ZoneRules allocates and consults a cache
 * per call, which dominated DateTime encoding).
 */
final class ZoneOffsets {

    /** Returned by {@link #toUtc(long)} for a local time that a daylight-saving change skips. */
    static final long GAP = Long.MIN_VALUE;

    private static final Instant FROM = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2300-01-01T00:00:00Z");

    private static final ConcurrentMap<ZoneId, ZoneOffsets> CACHE = new ConcurrentHashMap<>();

    private final ZoneId zone;
    private final int initialOffset;
    /** Local time (in the offset before) at which each transition happens, ascending. */
    private final long[] localStart;
    private final long[] instant;
    private final int[] offsetBefore;
    private final int[] offsetAfter;

    /** The offsets of a zone, built once per zone (a few hundred transitions) and shared. */
    static ZoneOffsets of(ZoneId zone) {
        return CACHE.computeIfAbsent(zone, ZoneOffsets::new);
    }

    private ZoneOffsets(ZoneId zone) {
        this.zone = zone;
        ZoneRules rules = zone.getRules();
        this.initialOffset = rules.getOffset(FROM).getTotalSeconds();
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        for (ZoneOffsetTransition t = rules.nextTransition(FROM); t != null && t.getInstant().isBefore(TO);
                t = rules.nextTransition(t.getInstant())) {
            transitions.add(t);
        }
        int n = transitions.size();
        localStart = new long[n];
        instant = new long[n];
        offsetBefore = new int[n];
        offsetAfter = new int[n];
        for (int i = 0; i < n; i++) {
            ZoneOffsetTransition t = transitions.get(i);
            instant[i] = t.getInstant().getEpochSecond();
            offsetBefore[i] = t.getOffsetBefore().getTotalSeconds();
            offsetAfter[i] = t.getOffsetAfter().getTotalSeconds();
            localStart[i] = instant[i] + offsetBefore[i];
        }
    }

    /**
     * Seconds since the epoch of a local date-time given as seconds since 1970-01-01 00:00 local, or {@link #GAP}.
     * A local time repeated when clocks go back takes the earlier instant (the offset before the change).
     */
    long toUtc(long local) {
        int i = Arrays.binarySearch(localStart, local);
        i = i >= 0 ? i : -i - 2; // the last transition starting at or before local
        if (i < 0) {
            return local - initialOffset;
        }
        if (offsetAfter[i] > offsetBefore[i] && local < instant[i] + offsetAfter[i]) {
            return GAP;
        }
        return local - offsetAfter[i];
    }

    /** Why {@code local} does not exist, for the reason of a rejected value. */
    String describeGap(long local) {
        int i = Arrays.binarySearch(localStart, local);
        i = i >= 0 ? i : -i - 2;
        LocalDateTime before = LocalDateTime.ofEpochSecond(localStart[i], 0, ZoneOffset.UTC);
        LocalDateTime after = LocalDateTime.ofEpochSecond(instant[i] + offsetAfter[i], 0, ZoneOffset.UTC);
        return "does not exist in " + zone + ": clocks went from " + before.toLocalTime() + " to "
                + after.toLocalTime() + " that day (daylight saving time)";
    }
}
