package io.flatingest.infrastructure.clickhouse.type;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Hand-run micro benchmark: encodes 5 M rows of 8 typical columns from Strings and prints ns/row and MB/s.
 * {@code mvn -o -B -pl ingestion-ejb test -Dtest=RowBinaryEncodingBenchmark -Dbenchmark=true}, or run
 * {@link #main(String[])}. Rows cycle through a pool of 10 000 generated rows (about 4 MB of Strings): in an
 * import the texts come fresh from the reader, so they are rarely far out of cache.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class RowBinaryEncodingBenchmark {

    private static final List<String> TYPES = List.of("UInt64", "Int32", "Float64", "Decimal(18, 2)", "String",
            "Date", "DateTime", "Nullable(String)");
    private static final int ROWS = 5_000_000;
    private static final int POOL = 10_000;
    private static final int FLUSH_BYTES = 1 << 20;
    /** CPU time as well as wall time: on a shared 2-core machine the wall time includes waiting for a core. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void encodeFiveMillionRows() {
        main(new String[0]);
    }

    public static void main(String[] args) {
        String[][] pool = rows();
        long textChars = 0;
        for (String[] row : pool) {
            for (String field : row) {
                textChars += field == null ? 2 : field.length() + 1; // + a delimiter, \N for null
            }
        }
        for (String zone : List.of("UTC", "Europe/Berlin")) {
            ConversionOptions options = ConversionOptions.defaults(ZoneId.of(zone));
            FieldEncoder[] encoders = TYPES.stream()
                    .map(t -> FieldEncoders.forType(ClickHouseTypes.parse(t), options)).toArray(FieldEncoder[]::new);
            run(pool, encoders, ROWS / 5); // warm-up
            for (int round = 1; round <= 3; round++) {
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                long bytes = run(pool, encoders, ROWS);
                long nanos = System.nanoTime() - start;
                long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
                double textBytes = (double) textChars * ROWS / POOL;
                System.out.printf(Locale.ROOT, "zone %-13s round %d: %d rows in %.2f s (%.2f s CPU), %.0f ns/row "
                                + "(%.0f CPU), %.0f MB/s of text in, %.0f MB/s of RowBinary out%n", zone, round, ROWS,
                        nanos / 1e9, cpuNanos / 1e9, (double) nanos / ROWS, (double) cpuNanos / ROWS,
                        textBytes / (nanos / 1e3), bytes / (nanos / 1e3));
            }
        }
    }

    private static long run(String[][] pool, FieldEncoder[] encoders, int rows) {
        RowBinaryOutput out = new RowBinaryOutput(FLUSH_BYTES + 4096);
        long total = 0;
        for (int r = 0; r < rows; r++) {
            String[] row = pool[r % POOL];
            int mark = out.position();
            try {
                for (int c = 0; c < encoders.length; c++) {
                    encoders[c].encode(row[c], out);
                }
            } catch (ConversionException e) {
                out.truncate(mark); // a rejected row, as a job would skip it (DST gaps in Europe/Berlin)
            }
            if (out.position() >= FLUSH_BYTES) {
                total += out.position();
                out.reset();
            }
        }
        return total + out.position();
    }

    private static String[][] rows() {
        Random random = new Random(1);
        String[] words = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "Zürich", "naïve"};
        String[][] pool = new String[POOL][];
        LocalDate base = LocalDate.of(2015, 1, 1);
        for (int i = 0; i < POOL; i++) {
            int day = random.nextInt(3650);
            pool[i] = new String[] {
                Long.toString(1_000_000_000L + i),
                Integer.toString(random.nextInt(2_000_000) - 1_000_000),
                String.format(Locale.ROOT, "%.4f", random.nextDouble() * 10_000),
                (random.nextInt(10_000_000) - 5_000_000) / 100 + "." + String.format("%02d", random.nextInt(100)),
                words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)] + " " + i,
                base.plusDays(day).toString(),
                base.plusDays(day) + " " + String.format("%02d:%02d:%02d", random.nextInt(24), random.nextInt(60),
                        random.nextInt(60)),
                random.nextInt(10) == 0 ? null : "note " + words[random.nextInt(words.length)],
            };
        }
        return pool;
    }
}
