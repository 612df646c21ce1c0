package io.flatingest.infrastructure.flatfile;

import static io.flatingest.infrastructure.flatfile.Fixtures.concat;
import static io.flatingest.infrastructure.flatfile.Fixtures.readAll;
import static io.flatingest.infrastructure.flatfile.Fixtures.row;
import static io.flatingest.infrastructure.flatfile.Fixtures.rows;
import static io.flatingest.infrastructure.flatfile.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharsetReadingTest {

    private static final Dialect CSV = Dialect.csv().withHeader(false);

    @TempDir
    Path dir;

    @Test
    void latin1() throws IOException {
        Path file = write(dir, "l.csv", "café,Müller,ÿ\n", StandardCharsets.ISO_8859_1);
        assertEquals(List.of(row("café", "Müller", "ÿ")), rows(readAll(file, CSV.withEncoding("ISO-8859-1"))));
    }

    @Test
    void windows1252HasEuroAndReportsItsFiveUndefinedBytes() throws IOException {
        Charset cp1252 = Charset.forName("windows-1252");
        byte[] bytes = concat("“quoted” costs €5\n".getBytes(cp1252), new byte[] {'x', (byte) 0x81, '\n'},
                "fine\n".getBytes(cp1252));
        List<FlatRecord> records = readAll(write(dir, "w.csv", bytes), CSV.withEncoding("windows-1252"));
        assertEquals(row("“quoted” costs €5"), rows(records).get(0));
        assertTrue(records.get(1).malformed());
        assertEquals("bytes not valid in windows-1252 at byte 2 of the record (line 2)", records.get(1).problem());
        assertEquals(row("fine"), rows(records).get(2));
    }

    @Test
    void invalidUtf8IsReportedWithItsLineAndReadingGoesOn() throws IOException {
        byte[] bytes = concat("a,b\n\"multi\nline\",ok\n".getBytes(StandardCharsets.UTF_8),
                new byte[] {'x', ',', (byte) 0xC3, '(', '\n'}, "ü,\uFFFD\n".getBytes(StandardCharsets.UTF_8));
        List<FlatRecord> records = readAll(write(dir, "bad.csv", bytes), CSV);
        assertEquals(4, records.size());
        FlatRecord bad = records.get(2);
        assertEquals("bytes not valid in UTF-8 at byte 3 of the record (line 4)", bad.problem());
        assertEquals("x,\uFFFD(", bad.rawText());
        assertEquals(row("ü", "\uFFFD"), rows(records).get(3), "a real U+FFFD in the file is not an error");
    }

    @Test
    void utf16LittleEndianWithBomIsTranscoded() throws IOException {
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "id;name\r\n1;\"Zoë\r\n😀\"\r\n2;€\r\n".getBytes(StandardCharsets.UTF_16LE));
        Path file = write(dir, "u16.csv", bytes);
        Dialect dialect = Dialect.csv().withDelimiter(';');
        try (FlatFileReader reader = FlatFileReader.open(file, dialect)) {
            assertEquals(StandardCharsets.UTF_16LE, reader.charset());
            assertTrue(reader.transcoded());
            assertEquals(List.of("id", "name"), reader.header().orElseThrow().names());
            FlatRecord first = reader.read();
            assertEquals(List.of("1", "Zoë\r\n😀"), List.of(first.fields()));
            assertEquals(9, first.startOffset(), "offsets count UTF-8 bytes after the BOM");
            assertEquals(List.of("2", "€"), List.of(reader.read().fields()));
        }
    }

    @Test
    void utf16WithoutBomWhenTheCharsetSaysSoAndBrokenSurrogatesAreReported() throws IOException {
        byte[] bytes = concat("a,b\n".getBytes(StandardCharsets.UTF_16BE), new byte[] {(byte) 0xD8, 0x00, 0, '\n'},
                "c,d\n".getBytes(StandardCharsets.UTF_16BE));
        List<FlatRecord> records = readAll(write(dir, "u16be.csv", bytes), CSV.withEncoding("UTF-16BE"));
        assertEquals(row("a", "b"), rows(records).get(0));
        assertEquals("bytes not valid in UTF-16BE (line 2)", records.get(1).problem());
        assertEquals(row("c", "d"), rows(records).get(2));
    }

    @Test
    void utf32BomAndUtf8BomOverrideTheConfiguredCharset() throws IOException {
        byte[] utf32 = concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, "x,ÿ\n".getBytes(Charset.forName("UTF-32BE")));
        assertEquals(List.of(row("x", "ÿ")), rows(readAll(write(dir, "u32.csv", utf32), CSV)));
        byte[] utf8 = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "ÿ\n".getBytes(StandardCharsets.UTF_8));
        List<FlatRecord> records = readAll(write(dir, "u8.csv", utf8), CSV.withEncoding("ISO-8859-1"));
        assertEquals(List.of(row("ÿ")), rows(records));
        assertFalse(records.get(0).malformed());
    }

    @Test
    void multiByteCharsetsWhoseBytesLookLikeAsciiAreTranscodedFirst() throws IOException {
        Charset sjis = Charset.forName("Shift_JIS");
        byte[] bytes = "表\t示\tソ\n".getBytes(sjis);
        assertEquals(0x5C, bytes[1] & 0xFF, "the second byte of 表 is a backslash in ASCII");
        List<FlatRecord> records = readAll(write(dir, "sjis.tsv", bytes), Dialect.tsv().withHeader(false)
                .withEncoding("Shift_JIS"));
        assertEquals(List.of(row("表", "示", "ソ")), rows(records));
    }
}
