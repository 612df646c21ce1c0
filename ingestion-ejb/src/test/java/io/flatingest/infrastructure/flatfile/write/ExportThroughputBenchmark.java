package io.flatingest.infrastructure.flatfile.write;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import io.flatingest.infrastructure.clickhouse.type.ClickHouseType;
import io.flatingest.infrastructure.clickhouse.type.ClickHouseTypes;
import io.flatingest.infrastructure.clickhouse.type.FormatOptions;
import io.flatingest.infrastructure.clickhouse.type.RowBinaryInput;
import io.flatingest.infrastructure.clickhouse.type.RowDecoder;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;


/**
 * Hand-run benchmark of the export path: RowBinary bytes → text → CSV file, for 5 M rows of 8 typical columns
 * (about 100 bytes of CSV a row, like the 476 MB reference file). Not a test; run with
 * {@code java -cp <test classpath> io.flatingest.infrastructure.flatfile.write.ExportThroughputBenchmark [rows] [dir]}.
 * The RowBinary input is a generated block of 100 000 rows replayed, so it costs no I/O.
 */
public final class ExportThroughputBenchmark {

    private static final List<String> NAMES = List.of("id", "customer", "amount", "day", "created", "quantity",
            "price", "status");
    private static final List<ClickHouseType> TYPES = List.of("UInt64", "String", "Float64", "Date", "DateTime",
            "Int32", "Decimal(18, 2)", "LowCardinality(String)").stream().map(ClickHouseTypes::parse).toList();
    private static final List<ExportColumn> COLUMNS = NAMES.stream().map(ExportColumn::of).toList();
    private static final int BLOCK_ROWS = 100_000;

    private ExportThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        Path dir = Path.of(args.length > 1 ? args[1] : System.getProperty("java.io.tmpdir"));
        String only = args.length > 2 ? args[2] : "";
        byte[] block = generate(BLOCK_ROWS);
        List<String[]> decodedBlock = decodeBlock(block);
        System.out.printf("%,d rows, RowBinary %d bytes/row, %s%n", rows, block.length / BLOCK_ROWS, dir);
        for (int round = 1; round <= 3; round++) {
            System.out.println("round " + round);
            if (only.isEmpty() || only.contains("d")) {
                measure("decode only (RowBinary -> String[])", rows, () -> {
                    decodeOnly(block, rows);
                    return 0;
                });
            }
            if (only.isEmpty() || only.contains("w")) {
                measure("tuned writer only (ExportFileWriter, pre-decoded)", rows,
                        () -> writeDecoded(decodedBlock, rows, dir, ExportFileOptions.csv()));
            }
            if (only.isEmpty() || only.contains("s")) {
                measure("stock opencsv CSVWriter only (pre-decoded)", rows,
                        () -> stockOpencsv(decodedBlock, rows, dir));
            }
            if (only.isEmpty() || only.contains("f")) {
                measure("FULL: decode + format + ExportFileWriter CSV", rows,
                        () -> full(block, rows, dir, ExportFileOptions.csv()));
            }
            if (only.contains("t")) {
                measure("FULL: decode + format + ExportFileWriter TSV", rows,
                        () -> full(block, rows, dir, ExportFileOptions.tsv()));
            }
            if (only.contains("g")) {
                measure("FULL: decode + format + ExportFileWriter CSV gzip -1", rows,
                        () -> full(block, rows, dir, ExportFileOptions.csv().withGzip(true).withCompressionLevel(1)));
            }
        }
    }

    interface Phase {
        long run() throws Exception;
    }

    private static void measure(String name, int rows, Phase phase) throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long alloc0 = mx.getThreadAllocatedBytes(thread);
        long cpu0 = mx.getThreadCpuTime(thread);
        long t0 = System.nanoTime();
        long bytes = phase.run();
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (mx.getThreadCpuTime(thread) - cpu0) / 1e9;
        long alloc = mx.getThreadAllocatedBytes(thread) - alloc0;
        System.out.printf("  %-52s %6.2f s (cpu %5.2f s)  %,10.0f rows/s  %5.0f B alloc/row%s%n", name, s, cpu,
                rows / s, (double) alloc / rows, bytes > 0 ? String.format("  %,d bytes", bytes) : "");
    }

    private static void decodeOnly(byte[] block, int rows) throws IOException {
        RowBinaryInput in = new RowBinaryInput(replay(block, rows));
        RowDecoder decoder = new RowDecoder(NAMES, TYPES, FormatOptions.defaults());
        long sink = 0;
        for (String[] row = decoder.next(in); row != null; row = decoder.next(in)) {
            sink += row[0].length() + row[7].length();
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static long full(byte[] block, int rows, Path dir, ExportFileOptions options) throws IOException {
        Path file = dir.resolve("bench-full." + options.format().name().toLowerCase() + (options.gzip() ? ".gz" : ""));
        RowBinaryInput in = new RowBinaryInput(replay(block, rows));
        RowDecoder decoder = new RowDecoder(NAMES, TYPES, FormatOptions.defaults());
        ExportFileWriter w = ExportFileWriter.open(file, COLUMNS, options.withOverwrite(true), null);
        int n = 0;
        for (String[] row = decoder.next(in); row != null; row = decoder.next(in)) {
            w.writeRow(row);
            if (++n % 100_000 == 0) {
                w.checkpoint();
            }
        }
        w.checkpoint();
        long t = System.nanoTime();
        w.commit();
        System.out.printf("    (commit with fsync %.2f s)%n", (System.nanoTime() - t) / 1e9);
        long size = Files.size(file);
        Files.delete(file);
        return size;
    }

    private static long writeDecoded(List<String[]> rows, int n, Path dir, ExportFileOptions options)
            throws IOException {
        Path file = dir.resolve("bench-writer.csv");
        ExportFileWriter w = ExportFileWriter.open(file, COLUMNS, options.withOverwrite(true), null);
        for (int i = 0; i < n; i++) {
            w.writeRow(rows.get(i % rows.size()));
        }
        w.checkpoint();
        w.close();
        long size = Files.size(w.temporaryFile());
        Files.delete(w.temporaryFile());
        return size;
    }

    private static long stockOpencsv(List<String[]> rows, int n, Path dir) throws IOException {
        Path file = dir.resolve("bench-stock.csv");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16); ICSVWriter csv = new CSVWriterBuilder(out).build()) {
            csv.writeNext(NAMES.toArray(String[]::new), false);
            for (int i = 0; i < n; i++) {
                csv.writeNext(rows.get(i % rows.size()), false);
            }
        }
        long size = Files.size(file);
        Files.delete(file);
        return size;
    }

    private static List<String[]> decodeBlock(byte[] block) throws IOException {
        RowBinaryInput in = new RowBinaryInput(new java.io.ByteArrayInputStream(block));
        RowDecoder decoder = new RowDecoder(NAMES, TYPES, FormatOptions.defaults());
        List<String[]> rows = new ArrayList<>(BLOCK_ROWS);
        for (String[] row = decoder.next(in); row != null; row = decoder.next(in)) {
            rows.add(row.clone());
        }
        return rows;
    }

    /** RowBinary for rows like an orders table: ids, names, amounts, dates, small ints, prices, a status. */
    private static byte[] generate(int rows) {
        SplittableRandom r = new SplittableRandom(2026);
        String[] first = {"Anna", "Bernd", "Chloé", "Dmitri", "Eve", "François", "Grace", "Hiro", "Ines", "Jürgen"};
        String[] last = {"Smith", "Müller", "Dubois", "Ivanov", "Tanaka", "García", "O'Neil", "Kowalski"};
        String[] status = {"new", "paid", "shipped", "returned", "cancelled"};
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 64);
        for (int i = 0; i < rows; i++) {
            le(out, 1_000_000L + i, 8);
            str(out, first[r.nextInt(first.length)] + " " + last[r.nextInt(last.length)] + " " + r.nextInt(1000));
            le(out, Double.doubleToRawLongBits(Math.round(r.nextDouble() * 1e9) / 1e4), 8);
            le(out, 19_000 + r.nextInt(1000), 2);
            le(out, 1_640_000_000L + r.nextInt(100_000_000), 4);
            le(out, r.nextInt(-100, 10_000), 4);
            le(out, r.nextLong(0, 10_000_000), 8);
            str(out, status[r.nextInt(status.length)]);
        }
        return out.toByteArray();
    }

    private static void le(ByteArrayOutputStream out, long v, int n) {
        for (int i = 0; i < n; i++) {
            out.write((int) (v >>> (8 * i)));
        }
    }

    private static void str(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b.length);
        out.write(b, 0, b.length);
    }

    /** The block repeated until {@code rows} rows have been read. */
    private static InputStream replay(byte[] block, int rows) {
        int repeats = rows / BLOCK_ROWS;
        return new InputStream() {
            private int pass;
            private int pos;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos == block.length) {
                    if (++pass >= repeats) {
                        return -1;
                    }
                    pos = 0;
                }
                int n = Math.min(len, block.length - pos);
                System.arraycopy(block, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

}
