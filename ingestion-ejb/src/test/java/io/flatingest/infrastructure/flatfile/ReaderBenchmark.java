package io.flatingest.infrastructure.flatfile;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Hand-run micro benchmark (not a test): 5 M rows x 8 columns, about 476 MB.
 *
 * <pre>
 * mvn -o -q -pl ingestion-ejb test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp ingestion-ejb/target/test-classes:ingestion-ejb/target/classes:$(cat /tmp/cp.txt) \
 *      io.flatingest.infrastructure.flatfile.ReaderBenchmark /tmp/bench.csv 3
 * </pre>
 * It writes the file if it does not exist, then times, per round: splitting only, split + decode + opencsv parse,
 * and for comparison opencsv's own {@code CSVReader} with {@code RFC4180Parser} and with {@code CSVParser}.
 */
public final class ReaderBenchmark {

    private static final String[] CITIES = {"Springfield", "Shelbyville", "Ogdenville", "North Haverbrook", "Paris",
        "Zürich", "São Paulo", "Kraków"};

    private ReaderBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "/tmp/bench.csv");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        if (!Files.exists(file)) {
            generate(file, 5_000_000);
        }
        double mb = Files.size(file) / 1e6;
        System.out.printf("file %s: %.1f MB%n", file, mb);
        for (int round = 1; round <= rounds; round++) {
            time("split only", mb, () -> splitOnly(file));
            time("split + decode + parse", mb, () -> readAll(file));
            if (round == rounds) {
                time("split + decode + CSVParser instead", mb, () -> splitThenCsvParser(file));
                time("opencsv CSVReader + RFC4180Parser", mb, () -> openCsv(file,
                        new RFC4180ParserBuilder().build()));
                time("opencsv CSVReader + CSVParser", mb, () -> openCsv(file, new CSVParserBuilder().build()));
            }
        }
    }

    interface Run {
        long run() throws IOException;
    }

    private static void time(String what, double mb, Run run) throws IOException {
        long t0 = System.nanoTime();
        long records = run.run();
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-36s %9d records %6.2f s %7.0f MB/s%n", what, records, s, mb / s);
    }

    private static long splitOnly(Path file) throws IOException {
        long n = 0;
        try (FlatFileReader reader = FlatFileReader.open(file, Dialect.csv())) {
            while (reader.skip()) {
                n++;
            }
        }
        return n;
    }

    private static long readAll(Path file) throws IOException {
        long n = 0;
        long fields = 0;
        try (FlatFileReader reader = FlatFileReader.open(file, Dialect.csv())) {
            for (FlatRecord r = reader.read(); r != null; r = reader.read()) {
                n++;
                fields += r.fieldCount();
            }
        }
        if (fields != n * 8) {
            throw new IllegalStateException("unexpected field count " + fields);
        }
        return n;
    }

    /** Our splitter and decoder with opencsv's CSVParser, to compare the two opencsv parsers on equal terms. */
    private static long splitThenCsvParser(Path file) throws IOException {
        ICSVParser parser = new CSVParserBuilder().build();
        RecordDecoder decoder = new RecordDecoder(StandardCharsets.UTF_8, StandardCharsets.UTF_8);
        long n = 0;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            RecordScanner scanner = new RecordScanner(in, 0, Dialect.csv(), ReadOptions.DEFAULT_MAX_RECORD_SIZE);
            while (scanner.next()) {
                n += parser.parseLine(decoder.decode(scanner.text, scanner.textStart, scanner.textEnd)).length > 0 ? 1 : 0;
            }
        }
        return n;
    }

    private static long openCsv(Path file, ICSVParser parser) throws IOException {
        long n = 0;
        try (CSVReader reader = new CSVReaderBuilder(Files.newBufferedReader(file)).withCSVParser(parser).build()) {
            for (String[] row = reader.readNextSilently(); row != null; row = reader.readNextSilently()) {
                n++;
            }
        }
        return n;
    }

    static void generate(Path file, int rows) throws IOException {
        Random random = new Random(42);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 20)) {
            out.write("id,name,city,amount,qty,created,active,comment\n");
            StringBuilder row = new StringBuilder(128);
            for (int i = 1; i <= rows; i++) {
                row.setLength(0);
                row.append(i).append(',');
                row.append(random.nextInt(10) == 0 ? "\"Smith, John " + random.nextInt(1000) + "\""
                        : "Customer " + random.nextInt(1_000_000)).append(',');
                row.append(CITIES[random.nextInt(CITIES.length)]).append(',');
                row.append(random.nextInt(100_000)).append('.').append(10 + random.nextInt(90)).append(',');
                row.append(random.nextInt(500)).append(',');
                row.append("2024-%02d-%02d %02d:%02d:%02d".formatted(1 + random.nextInt(12), 1 + random.nextInt(28),
                        random.nextInt(24), random.nextInt(60), random.nextInt(60))).append(',');
                row.append(random.nextBoolean()).append(',');
                row.append(switch (random.nextInt(20)) {
                    case 0 -> "\"said \"\"hello\"\", then left\"";
                    case 1 -> "\"two\nlines\"";
                    case 2 -> "";
                    default -> "ordinary comment " + random.nextInt(100_000);
                });
                out.append(row).append('\n');
            }
        }
    }
}
