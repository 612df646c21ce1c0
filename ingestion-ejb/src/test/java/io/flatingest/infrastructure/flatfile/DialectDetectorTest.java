package io.flatingest.infrastructure.flatfile;

import static io.flatingest.infrastructure.flatfile.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DialectDetectorTest {

    @TempDir
    Path dir;

    private DetectedDialect detect(String name, String text) throws IOException {
        return DialectDetector.detect(write(dir, name, text));
    }

    @Test
    void commaWithHeaderAndQuotedFields() throws IOException {
        DetectedDialect detected = detect("c.csv",
                "id,name,amount,day\r\n1,\"Smith, John\",12.5,2024-01-02\r\n2,Ann,3,2024-01-03\r\n"
                + "3,\"Lee, \"\"Bo\"\"\",7.25,2024-01-04\r\n");
        Dialect d = detected.dialect();
        assertEquals(Dialect.Format.CSV, d.format());
        assertEquals(',', d.delimiter());
        assertEquals('"', d.quote());
        assertEquals(Dialect.EscapeMode.DOUBLED_QUOTE, d.escape());
        assertTrue(d.header());
        assertEquals("CRLF", detected.lineEnding());
        assertEquals("UTF-8", d.encoding());
        assertTrue(detected.reasons().stream().anyMatch(r -> r.startsWith("delimiter: comma (4 fields in 100%")),
                detected.reasons().toString());
    }

    @Test
    void semicolonLatin1WithoutHeader() throws IOException {
        Path file = write(dir, "s.csv", "1;Müller;12,50\n2;Schmidt;3,10\n3;Weiß;0,99\n", StandardCharsets.ISO_8859_1);
        Dialect d = DialectDetector.detect(file).dialect();
        assertEquals(';', d.delimiter());
        assertFalse(d.header());
        assertEquals("ISO-8859-1", d.encoding());
    }

    @Test
    void windows1252WhenC1BytesArePresent() throws IOException {
        Path file = write(dir, "w.csv", "item;price\nCafé;5 €\nThé;4 €\n", Charset.forName("windows-1252"));
        DetectedDialect detected = DialectDetector.detect(file);
        assertEquals("windows-1252", detected.dialect().encoding());
        assertTrue(detected.dialect().header());
    }

    @Test
    void tabSeparatedWithClickHouseEscapes() throws IOException {
        DetectedDialect detected = detect("t.tsv", "id\tnote\n1\t\\N\n2\tx\\ty\n3\tNULL\n");
        Dialect d = detected.dialect();
        assertEquals(Dialect.Format.TSV, d.format());
        assertEquals(Dialect.EscapeMode.BACKSLASH, d.escape());
        assertEquals(Dialect.NO_QUOTE, d.quote());
        assertTrue(d.header());
        assertEquals(Set.of("\\N", "NULL"), d.nullTokens());
    }

    @Test
    void tabSeparatedWithWindowsPathsIsReadWithoutEscapes() throws IOException {
        Dialect d = detect("p.tsv", "name\tpath\na\tC:\\data\\in\nb\tC:\\docs\n").dialect();
        assertEquals(Dialect.Format.TSV, d.format());
        assertEquals(Dialect.EscapeMode.NONE, d.escape());
    }

    @Test
    void tabSeparatedWithQuotedFieldsIsCsvWithTab() throws IOException {
        Dialect d = detect("x.txt", "a\tb\n\"1\t2\"\t3\n\"x\ny\"\t4\n").dialect();
        assertEquals(Dialect.Format.CSV, d.format());
        assertEquals('\t', d.delimiter());
        assertEquals('"', d.quote());
    }

    @Test
    void pipeWithSingleQuotes() throws IOException {
        Dialect d = detect("p.txt", "name|comment|n\n'O''Brien'|'a|b'|1\nx|'c|d'|2\ny|plain|3\n").dialect();
        assertEquals('|', d.delimiter());
        assertEquals('\'', d.quote());
    }

    @Test
    void preambleLinesAreSkipped() throws IOException {
        DetectedDialect detected = detect("r.csv",
                "Sales report\nGenerated on 2024-01-01\n\nregion,amount,units\nnorth,10.5,3\nsouth,7.25,4\neast,1,1\n");
        assertEquals(3, detected.dialect().skipLines(), detected.reasons().toString());
        assertTrue(detected.dialect().header());
    }

    @Test
    void backslashEscapedQuotesInCsv() throws IOException {
        Dialect d = detect("b.csv", "a,b\n\"say \\\"hi\\\", ok\",1\n\"x\",2\n").dialect();
        assertEquals(Dialect.EscapeMode.BACKSLASH, d.escape());
        assertEquals(',', d.delimiter());
    }

    @Test
    void spacesAfterDelimitersTurnTrimmingOn() throws IOException {
        Dialect d = detect("t.csv", "a, b, c\n1, \"x, y\", 3\n4, 5, 6\n").dialect();
        assertTrue(d.trim());
        assertEquals(',', d.delimiter());
    }

    @Test
    void headerlessNumericDataAndNullTokens() throws IOException {
        DetectedDialect detected = detect("n.csv", "1,2.5,NULL\n2,3.5,\\N\n3,,x\n");
        assertFalse(detected.dialect().header());
        assertEquals(Set.of("", "\\N", "NULL"), detected.dialect().nullTokens());
    }

    @Test
    void gzipUtf16AndSingleColumnFiles() throws IOException {
        byte[] utf16 = Fixtures.concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "id;name\n1;Zoë\n2;Ann\n".getBytes(StandardCharsets.UTF_16LE));
        DetectedDialect detected = DialectDetector.detect(write(dir, "u.csv", Fixtures.gzip(utf16)));
        assertTrue(detected.compressed());
        assertEquals("UTF-16LE", detected.dialect().encoding());
        assertEquals(';', detected.dialect().delimiter());
        DetectedDialect single = detect("one.txt", "value\nalpha\nbeta\n");
        assertEquals(',', single.dialect().delimiter());
        assertTrue(single.reasons().stream().anyMatch(r -> r.contains("one column")));
    }

    @Test
    void truncatedSampleIgnoresThePartialLastLine() throws IOException {
        StringBuilder text = new StringBuilder("id,value\n");
        for (int i = 0; i < 5000; i++) {
            text.append(i).append(",é").append(i).append('\n');
        }
        DetectedDialect detected = DialectDetector.detect(write(dir, "big.csv", text.toString()), 1001);
        assertEquals(',', detected.dialect().delimiter());
        assertTrue(detected.reasons().get(0).contains("UTF-8"), detected.reasons().get(0));
    }

    @Test
    void headerOverTextColumnsNeedsUniqueNamesNotRepeatedBelow() throws IOException {
        DetectedDialect named = detect("h1.csv", "name,city\nAnn,Paris\nBob,Rome\n");
        assertTrue(named.dialect().header(), named.reasons().toString());
        DetectedDialect unnamed = detect("h2.csv", "Ann,Paris\nBob,Rome\nAnn,Oslo\n");
        assertFalse(unnamed.dialect().header(), unnamed.reasons().toString());
    }
}
