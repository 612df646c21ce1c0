package io.flatingest.schedule.control;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date and time placeholders in a scheduled export's file name, replaced with the tick's time in the schedule's
 * zone: {@code {date}} 2025-06-01, {@code {time}} 0230, {@code {datetime}} 20250601-023000, {@code {year}},
 * {@code {month}}, {@code {day}}, {@code {hour}}, {@code {minute}}, and {@code {epoch}} (seconds).
 */
public final class OutputNames {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    private static final Map<String, DateTimeFormatter> FORMATS = Map.of(
            "date", DateTimeFormatter.ofPattern("uuuu-MM-dd"),
            "time", DateTimeFormatter.ofPattern("HHmm"),
            "datetime", DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss"),
            "year", DateTimeFormatter.ofPattern("uuuu"),
            "month", DateTimeFormatter.ofPattern("MM"),
            "day", DateTimeFormatter.ofPattern("dd"),
            "hour", DateTimeFormatter.ofPattern("HH"),
            "minute", DateTimeFormatter.ofPattern("mm"));

    private OutputNames() {
    }

    /** {@code name} with its placeholders replaced; null stays null. */
    public static String expand(String name, Instant tick, ZoneId zone) {
        if (name == null) {
            return null;
        }
        ZonedDateTime time = tick.atZone(zone);
        Matcher m = PLACEHOLDER.matcher(name);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = key.equals("epoch") ? Long.toString(tick.getEpochSecond())
                    : FORMATS.containsKey(key) ? FORMATS.get(key).format(time) : null;
            if (value == null) {
                throw new IllegalArgumentException("Unknown placeholder {" + key + "} in file name '" + name
                        + "': use {date}, {time}, {datetime}, {year}, {month}, {day}, {hour}, {minute} or {epoch}");
            }
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString();
    }
}
