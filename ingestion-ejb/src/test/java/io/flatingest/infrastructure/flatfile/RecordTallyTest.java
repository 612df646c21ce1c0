package io.flatingest.infrastructure.flatfile;

import static io.flatingest.infrastructure.flatfile.Fixtures.gzip;
import static io.flatingest.infrastructure.flatfile.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RecordTally}: a file checked in stretches while it grows (each stretch ending at a record boundary, with a
 * half-written record beyond it) counts the same records and finds the same first problem as one read of the
 * finished file.
 */
class RecordTallyTest {

    private static final String[] PIECES = {"plain", "", "a,b", "say \"hi\"", "two\r\nlines", "lf\nonly", "caf\u00e9",
        "\u65e5\u672c", "\t tab", "=1+2", "\\back"};

    @TempDir
    Path dir;

    @Test
    void stretchesOfAGrowingCsvFileCountWhatOneReadOfTheFinishedFileCounts() throws IOException {
        Random random = new Random(42);
        for (int round = 0; round < 30; round++) {
            boolean crlf = random.nextBoolean();
            List<byte[]> records = randomCsvRecords(random, 1 + random.nextInt(400), crlf);
            byte[] header = ("\uFEFFid,text,more" + (crlf ? "\r\n" : "\n")).getBytes(StandardCharsets.UTF_8);
            Path file = dir.resolve("grow-" + round + ".csv");
            RecordTally tally = growInStretches(file, header, records, Dialect.csv(), random);
            assertEquals(Files.size(file), tally.checkedTo(), "every stretch was read in parts");
            tally.toEnd();
            assertNull(tally.malformed());
            assertEquals(records.size(), tally.records());
            assertEquals(countWhole(file, Dialect.csv()), tally.records());
        }
    }

    @Test
    void stretchesOfATsvFileWithEscapesCountEveryRecord() throws IOException {
        Random random = new Random(7);
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            records.add((i + "\t" + "a\\tb\\nc\\\\" + i + "\t\\N\n").getBytes(StandardCharsets.UTF_8));
        }
        Path file = dir.resolve("grow.tsv");
        RecordTally tally = growInStretches(file, "id\ttext\tn\n".getBytes(StandardCharsets.UTF_8), records,
                Dialect.tsv(), random);
        tally.toEnd();
        assertNull(tally.malformed());
        assertEquals(500, tally.records());
    }

    @Test
    void aBadRecordInAnEarlyStretchIsReportedWithItsLineAsByOneRead() throws IOException {
        Random random = new Random(3);
        List<byte[]> records = randomCsvRecords(random, 200, false);
        records.set(57, new byte[] {'5', '7', ',', 'x', (byte) 0xC3, '(', '\n'}); // not UTF-8
        records.set(120, "120,\"never closed\n".getBytes(StandardCharsets.UTF_8)); // after it: not reached
        Path file = dir.resolve("bad.csv");
        RecordTally tally = growInStretches(file, "id,text\n".getBytes(StandardCharsets.UTF_8), records,
                Dialect.csv(), random);
        tally.toEnd();
        RecordCheck bad = tally.malformed();
        assertNotNull(bad);
        RecordCheck first = firstMalformed(file, Dialect.csv());
        assertEquals(first, bad);
        assertTrue(bad.problem().startsWith("bytes not valid in UTF-8"), bad.problem());
        assertEquals(57, tally.records(), "the well-formed records before it");
    }

    @Test
    void aGzipFileCannotBeReadInStretchesAndIsCountedWholeAtTheEnd() throws IOException {
        byte[] text = "id,v\n1,a\n2,\"b\nc\"\n3,d\n".getBytes(StandardCharsets.UTF_8);
        Path file = write(dir, "g.csv.gz", gzip(text));
        RecordTally tally = new RecordTally(file, Dialect.csv());
        assertFalse(tally.upTo(Files.size(file)));
        assertFalse(tally.upTo(Files.size(file)), "and keeps saying so");
        assertEquals(0, tally.records());
        tally.toEnd();
        assertEquals(3, tally.records());
    }

    @Test
    void aTranscodedFileCannotBeReadInStretchesEither() throws IOException {
        Path file = write(dir, "u16.csv", "id,v\n1,\u00e9\n2,b\n", StandardCharsets.UTF_16);
        Dialect utf16 = Dialect.csv().withEncoding("UTF-16");
        RecordTally tally = new RecordTally(file, utf16);
        assertFalse(tally.upTo(Files.size(file)));
        tally.toEnd();
        assertEquals(2, tally.records());
        assertNull(tally.malformed());
    }

    /**
     * Appends the records a random number at a time, each time followed by half of the next record (a write in
     * flight, cut off again before the next stretch), and checks up to the last whole record.
     */
    private static RecordTally growInStretches(Path file, byte[] header, List<byte[]> records, Dialect dialect,
                                               Random random) throws IOException {
        Files.write(file, header);
        long committed = header.length;
        RecordTally tally = new RecordTally(file, dialect);
        int i = 0;
        while (i < records.size()) {
            try (var channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
                channel.truncate(committed); // the half record: the writer writes it whole with its stretch
            }
            ByteArrayOutputStream stretch = new ByteArrayOutputStream();
            for (int n = 1 + random.nextInt(40); n > 0 && i < records.size(); n--, i++) {
                stretch.write(records.get(i));
            }
            Files.write(file, stretch.toByteArray(), StandardOpenOption.APPEND);
            committed = Files.size(file);
            if (i < records.size()) {
                byte[] next = records.get(i);
                Files.write(file, Arrays.copyOf(next, next.length / 2), StandardOpenOption.APPEND);
            }
            assertTrue(tally.upTo(committed));
            assertTrue(tally.checkedTo() == committed || tally.malformed() != null);
        }
        return tally;
    }

    private static List<byte[]> randomCsvRecords(Random random, int count, boolean crlf) {
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder line = new StringBuilder().append(i);
            for (int f = 0; f < 2; f++) {
                String value = PIECES[random.nextInt(PIECES.length)] + PIECES[random.nextInt(PIECES.length)];
                boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n")
                        || value.contains("\r") || random.nextInt(4) == 0;
                line.append(',').append(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
            }
            records.add(line.append(crlf ? "\r\n" : "\n").toString().getBytes(StandardCharsets.UTF_8));
        }
        return records;
    }

    private static long countWhole(Path file, Dialect dialect) throws IOException {
        long n = 0;
        try (FlatFileReader reader = FlatFileReader.open(file, dialect)) {
            for (RecordCheck c = reader.check(); c != null; c = reader.check()) {
                assertFalse(c.malformed(), c.problem());
                n++;
            }
        }
        return n;
    }

    private static RecordCheck firstMalformed(Path file, Dialect dialect) throws IOException {
        try (FlatFileReader reader = FlatFileReader.open(file, dialect)) {
            for (RecordCheck c = reader.check(); c != null; c = reader.check()) {
                if (c.malformed()) {
                    return c;
                }
            }
        }
        return null;
    }
}
