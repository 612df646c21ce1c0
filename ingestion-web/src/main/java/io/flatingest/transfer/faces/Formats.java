package io.flatingest.transfer.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes numbers, sizes, durations and times ({@code #{formats.time(x)}} in pages). */
@Named
@ApplicationScoped
public class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A point in time in UTC, or "—". */
    public String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    /** A duration in milliseconds in words ("1 min 5 s"), or "—". */
    public String millis(Long millis) {
        return millis == null ? "—" : duration(millis);
    }

    /** A byte count ("12.3 MB"). */
    public String bytes(Long bytes) {
        if (bytes == null) {
            return "—";
        }
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** A count with thousands separators. */
    public String number(long n) {
        return count(n);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        long s = millis / 1000;
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return s / 3600 > 0 ? s / 3600 + " h " + (s % 3600) / 60 + " min" : s / 60 + " min " + s % 60 + " s";
    }

    /** "import", "export" or the job's name. */
    public String kindOf(String job) {
        return kind(job);
    }

    static String kind(String job) {
        return switch (job == null ? "" : job) {
            case "file-import" -> "import";
            case "file-export" -> "export";
            default -> job;
        };
    }
}
