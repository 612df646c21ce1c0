package io.flatingest.infrastructure.flatfile;

import static io.flatingest.infrastructure.flatfile.Fixtures.describe;
import static io.flatingest.infrastructure.flatfile.Fixtures.gzip;
import static io.flatingest.infrastructure.flatfile.Fixtures.readAll;
import static io.flatingest.infrastructure.flatfile.Fixtures.row;
import static io.flatingest.infrastructure.flatfile.Fixtures.rows;
import static io.flatingest.infrastructure.flatfile.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressionAndResumeTest {

    private static final String TEXT = "\uFEFFid,note\n1,plain\n2,\"quoted\nnewline\"\n3,\"x\"\"y\"\r\n4,\"open\n5,after\n6,last";

    @TempDir
    Path dir;

    @Test
    void gzipIsDetectedByMagicBytesNotByName() throws IOException {
        byte[] plain = TEXT.getBytes(StandardCharsets.UTF_8);
        Path gzipNamedCsv = write(dir, "data.csv", gzip(plain));
        Path plainNamedGz = write(dir, "data.csv.gz", plain);
        List<String> expected = readAll(plainNamedGz, Dialect.csv()).stream().map(Fixtures::describe).toList();
        assertEquals(expected, readAll(gzipNamedCsv, Dialect.csv()).stream().map(Fixtures::describe).toList());
        assertEquals(row("1", "plain"), rows(readAll(gzipNamedCsv, Dialect.csv())).get(0));
        try (FlatFileReader reader = FlatFileReader.open(gzipNamedCsv, Dialect.csv());
             FlatFileReader plainReader = FlatFileReader.open(plainNamedGz, Dialect.csv())) {
            assertTrue(reader.compressed());
            assertFalse(plainReader.compressed());
        }
    }

    @Test
    void gzipWithUtf16InsideIsInflatedThenTranscoded() throws IOException {
        byte[] utf16 = Fixtures.concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "a\tb\n1\t2\n".getBytes(StandardCharsets.UTF_16BE));
        Path file = write(dir, "u.tsv", gzip(utf16));
        assertEquals(List.of(row("1", "2")), rows(readAll(file, Dialect.tsv())));
    }

    @Test
    void resumingAtEveryRecordGivesTheSameRecordsPlainAndGzip() throws IOException {
        byte[] plain = TEXT.getBytes(StandardCharsets.UTF_8);
        assertResumeEverywhere(write(dir, "r.csv", plain));
        assertResumeEverywhere(write(dir, "r.csv.gz", gzip(plain)));
        byte[] utf16 = Fixtures.concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                TEXT.substring(1).getBytes(StandardCharsets.UTF_16LE));
        assertResumeEverywhere(write(dir, "r16.csv", utf16));
    }

    private static void assertResumeEverywhere(Path file) throws IOException {
        List<FlatRecord> all = readAll(file, Dialect.csv());
        assertEquals(6, all.size());
        assertTrue(all.get(3).malformed(), "the unterminated quote on line 6");
        List<String> expected = all.stream().map(Fixtures::describe).toList();
        for (int k = 0; k < all.size(); k++) {
            ReadPosition position = k == 0 ? firstPosition(file) : all.get(k - 1).next();
            assertEquals(new ReadPosition(all.get(k).startOffset(), all.get(k).line(), all.get(k).number()), position);
            List<String> rest = readAll(file, Dialect.csv(), ReadOptions.defaults().from(position)).stream()
                    .map(Fixtures::describe).toList();
            assertEquals(expected.subList(k, all.size()), rest, "resumed at " + position + " of " + file);
        }
    }

    private static ReadPosition firstPosition(Path file) throws IOException {
        try (FlatFileReader reader = FlatFileReader.open(file, Dialect.csv())) {
            return reader.position();
        }
    }

    @Test
    void checkpointPositionAfterEachReadIsTheNextRecordStart() throws IOException {
        Path file = write(dir, "c.csv", TEXT);
        try (FlatFileReader reader = FlatFileReader.open(file, Dialect.csv())) {
            for (FlatRecord r = reader.read(); r != null; r = reader.read()) {
                if (r.nextOffset() < file.toFile().length()) {
                    assertEquals(r.next(), reader.position(), describe(r));
                }
            }
        }
    }

    @Test
    void aReadPositionSurvivesJavaSerializationAsABatchCheckpoint() throws Exception {
        ReadPosition position = new ReadPosition(123_456_789_012L, 4_000_000L, 3_999_000L);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(position);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(position, in.readObject());
        }
    }
}
