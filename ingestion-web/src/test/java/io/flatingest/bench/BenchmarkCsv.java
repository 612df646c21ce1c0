package io.flatingest.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Writes the import benchmark's CSV file (see {@code scripts/benchmark-import.sh}): a header and N rows of eight
 * columns, the same bytes for the same N on every run.
 *
 * <pre>
 * id UInt64, qty Int32, price Float64, name String, day Date, ts DateTime, discount Nullable(Float64),
 * note Nullable(String)
 * </pre>
 *
 * A fifth of the names and the notes carry commas and doubled quotes; about one discount and one note in ten is
 * NULL, written {@code \N}, and one note in twenty is an empty string, written {@code ""}. (An unquoted empty field
 * would not do: ClickHouse 18.16's own CSV input reads it as 0 or '' in a Nullable column, the import as NULL.)
 *
 * <p>Run with {@code java BenchmarkCsv.java ROWS FILE} (no dependencies).
 */
public final class BenchmarkCsv {

    private static final String[] WORDS = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
        "india", "juliett", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    private static final LocalDateTime FIRST_SECOND = LocalDateTime.of(2001, 1, 1, 0, 0);

    private long seed = 0x9E3779B97F4A7C15L;

    private BenchmarkCsv() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java BenchmarkCsv.java ROWS FILE");
            System.exit(2);
        }
        long rows = Long.parseLong(args[0]);
        Path file = Path.of(args[1]);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            new BenchmarkCsv().write(rows, out);
        }
    }

    private void write(long rows, OutputStream out) throws IOException {
        StringBuilder line = new StringBuilder(256);
        out.write("id,qty,price,name,day,ts,discount,note\n".getBytes(StandardCharsets.US_ASCII));
        for (long id = 1; id <= rows; id++) {
            line.setLength(0);
            line.append(id).append(',');
            line.append(next(2_000_001) - 1_000_000).append(',');
            long cents = next(10_000_000);
            line.append(cents / 100).append('.').append((char) ('0' + cents / 10 % 10)).append((char) ('0' + cents % 10))
                    .append(',');
            String a = WORDS[(int) next(WORDS.length)];
            String b = WORDS[(int) next(WORDS.length)];
            if (next(5) == 0) {
                line.append("\"").append(a).append(", \"\"").append(b).append("\"\" & co\"");
            } else {
                line.append(a).append(' ').append(b).append(' ').append(next(100_000));
            }
            line.append(',');
            line.append(FIRST_DAY.plusDays(next(9000))).append(',');
            LocalDateTime ts = FIRST_SECOND.plusSeconds(next(600_000_000));
            appendDateTime(line, ts);
            line.append(',');
            if (next(10) == 0) {
                line.append("\\N");
            } else {
                line.append(next(1000)).append('.').append(next(10)).append(next(10));
            }
            line.append(',');
            long n = next(20);
            if (n < 2) {
                line.append("\\N");
            } else if (n == 2) {
                line.append("\"\"");
            } else if (n < 7) {
                line.append("\"note ").append(id % 9973).append(", \"\"").append(a).append("\"\"\"");
            } else {
                line.append("note ").append(b).append(' ').append(id % 9973);
            }
            line.append('\n');
            for (int i = 0; i < line.length(); i++) {
                out.write(line.charAt(i));
            }
        }
    }

    private static void appendDateTime(StringBuilder line, LocalDateTime t) {
        line.append(t.getYear()).append('-');
        two(line, t.getMonthValue()).append('-');
        two(line, t.getDayOfMonth()).append(' ');
        two(line, t.getHour()).append(':');
        two(line, t.getMinute()).append(':');
        two(line, t.getSecond());
    }

    private static StringBuilder two(StringBuilder line, int value) {
        return line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** xorshift64*: a uniform long in [0, bound). */
    private long next(long bound) {
        seed ^= seed >>> 12;
        seed ^= seed << 25;
        seed ^= seed >>> 27;
        return Long.remainderUnsigned(seed * 0x2545F4914F6CDD1DL, bound);
    }
}
