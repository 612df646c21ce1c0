package io.flatingest.schedule.control;

import io.flatingest.schedule.entity.Schedule;
import java.time.Duration;

/** Derived values of a stored schedule. */
public final class ScheduleRules {

    private ScheduleRules() {
    }

    /** A stored schedule's timing (stored values were checked when saved; no minimum applies again). */
    public static Timing timing(Schedule s) {
        return Timing.of(s.getCron(), s.getIntervalSeconds() == null ? null
                : Duration.ofSeconds(s.getIntervalSeconds()).toString(), s.getTimeZone(), Duration.ZERO);
    }
}
