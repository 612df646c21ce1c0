package io.flatingest.infrastructure.flatfile;

import static io.flatingest.infrastructure.flatfile.Fixtures.readAll;
import static io.flatingest.infrastructure.flatfile.Fixtures.row;
import static io.flatingest.infrastructure.flatfile.Fixtures.rows;
import static io.flatingest.infrastructure.flatfile.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReadingTest {

    @TempDir
    Path dir;

    @Test
    void bomAndCrlfGiveCleanHeaderLinesAndOffsets() throws IOException {
        Path file = write(dir, "a.csv", "\uFEFFid,name\r\n1,Ann\r\n2,Bob\r\n");
        try (FlatFileReader reader = FlatFileReader.open(file, Dialect.csv())) {
            assertEquals(List.of("id", "name"), reader.header().orElseThrow().names());
            assertTrue(reader.header().orElseThrow().problems().isEmpty());
            FlatRecord first = reader.read();
            assertEquals(List.of("1", "Ann"), List.of(first.fields()));
            assertEquals(2, first.line());
            assertEquals(1, first.number());
            assertEquals(3 + 9, first.startOffset(), "BOM (3) + header line with CRLF (9)");
            assertEquals(first.startOffset() + 7, first.nextOffset());
            assertEquals("1,Ann", first.rawText());
            FlatRecord second = reader.read();
            assertEquals(3, second.line());
            assertEquals(2, second.number());
            assertNull(reader.read());
            assertEquals(new ReadPosition(26, 4, 3), reader.position());
        }
    }

    @Test
    void quotedFieldsKeepDelimitersQuotesAndLineBreaksExactly() throws IOException {
        Path file = write(dir, "q.csv", "a,b\n1,\"x,y\"\"z\"\n2,\"two\nlines\"\r\n3,\"crlf\r\ninside\"\r4,last");
        List<FlatRecord> records = readAll(file, Dialect.csv());
        assertEquals(List.of(row("1", "x,y\"z"), row("2", "two\nlines"), row("3", "crlf\r\ninside"),
                row("4", "last")), rows(records));
        assertEquals(List.of(2L, 3L, 5L, 7L), records.stream().map(FlatRecord::line).toList());
        assertEquals(List.of(2L, 4L, 6L, 7L), records.stream().map(FlatRecord::lastLine).toList());
        assertEquals("2,\"two\nlines\"", records.get(1).rawText());
    }

    @Test
    void semicolonDelimiter() throws IOException {
        Path file = write(dir, "s.csv", "a;b;c\n1;\"x;y\";3,5\n");
        assertEquals(List.of(row("1", "x;y", "3,5")), rows(readAll(file, Dialect.csv().withDelimiter(';'))));
    }

    @Test
    void unquotedEmptyIsNullButQuotedEmptyIsEmptyString() throws IOException {
        Path file = write(dir, "n.csv", "a,b,c,d,e\n,\"\",\\N,\"\\N\",NULL\n");
        assertEquals(List.of(row(null, "", null, null, "NULL")), rows(readAll(file, Dialect.csv())));
        Dialect noEmptyNull = Dialect.csv().withNullTokens(Set.of("NULL"));
        assertEquals(List.of(row("", "", "\\N", "\\N", null)), rows(readAll(file, noEmptyNull)));
    }

    @Test
    void quoteInTheMiddleOfAFieldIsLiteral() throws IOException {
        Path file = write(dir, "m.csv", "5\" screen,a\"\"b,\"ok\",x\"\n");
        assertEquals(List.of(row("5\" screen", "a\"\"b", "ok", "x\"")),
                rows(readAll(file, Dialect.csv().withHeader(false))));
    }

    @Test
    void skippedLinesAreRawAndCount() throws IOException {
        Path file = write(dir, "p.csv", "Report \"Q3\nexported today\nid,v\n1,2\n");
        List<FlatRecord> records = readAll(file, Dialect.csv().withSkipLines(2));
        assertEquals(List.of(row("1", "2")), rows(records));
        assertEquals(4, records.get(0).line());
    }

    @Test
    void headerProblemsAreReported() throws IOException {
        Path file = write(dir, "h.csv", "id, name ,,id,\"\"\n1,2,3,4,5\n");
        try (FlatFileReader reader = FlatFileReader.open(file, Dialect.csv())) {
            Header header = reader.header().orElseThrow();
            assertEquals(List.of("id", "name", "", "id", ""), header.names());
            assertEquals(List.of("column 3 has an empty name", "column 5 has an empty name",
                    "column name 'id' is used by columns [1, 4]"), header.problems());
            assertEquals(5, reader.read().fieldCount());
        }
    }

    @Test
    void blankLinesAndLoneCrAreRecordsOfTheirOwn() throws IOException {
        Path file = write(dir, "b.csv", "1,2\r\r3,4\n\n");
        List<FlatRecord> records = readAll(file, Dialect.csv().withHeader(false));
        assertEquals(List.of(row("1", "2"), row((String) null), row("3", "4"), row((String) null)), rows(records));
        assertTrue(records.get(1).blank());
        assertEquals(List.of(1L, 2L, 3L, 4L), records.stream().map(FlatRecord::line).toList());
    }

    @Test
    void backslashEscapesInsideQuotes() throws IOException {
        Dialect dialect = Dialect.csv().withHeader(false).withEscape(Dialect.EscapeMode.BACKSLASH);
        Path file = write(dir, "e.csv", "\"a\\\"b\",\"c\\\\\",d\\e,\"x\"\"y\",\"C:\\temp\",\"q\\\",\n\"\n");
        assertEquals(List.of(row("a\"b", "c\\", "d\\e", "x\"y", "C:\\temp", "q\",\n")), rows(readAll(file, dialect)));
    }

    @Test
    void trimmingDropsBlanksAroundValuesAndQuotesButNotInsideQuotes() throws IOException {
        Dialect dialect = Dialect.csv().withHeader(false).withTrim(true);
        Path file = write(dir, "t.csv", " a , \"b, c\" ,\" d \",   ,x\"y \n");
        assertEquals(List.of(row("a", "b, c", " d ", null, "x\"y")), rows(readAll(file, dialect)));
        Path plain = write(dir, "t2.csv", " a ,\tb\t,   \n");
        assertEquals(List.of(row("a", "b", null)), rows(readAll(plain, dialect)));
    }

    @Test
    void noQuoteCharacterMeansQuotesAreData() throws IOException {
        Dialect dialect = Dialect.csv().withHeader(false).withQuote(Dialect.NO_QUOTE)
                .withEscape(Dialect.EscapeMode.NONE).withDelimiter('|');
        Path file = write(dir, "nq.psv", "\"a|b\"|c\"\"d\n");
        assertEquals(List.of(row("\"a", "b\"", "c\"\"d")), rows(readAll(file, dialect)));
    }

    @Test
    void endOffsetStopsAtTheFirstRecordStartingThere() throws IOException {
        Path file = write(dir, "e.csv", "h\n1\n\"2\n2\"\n3\n");
        List<FlatRecord> all = readAll(file, Dialect.csv());
        long secondStart = all.get(1).startOffset();
        ReadOptions firstOnly = ReadOptions.defaults().until(secondStart);
        assertEquals(List.of(row("1")), rows(readAll(file, Dialect.csv(), firstOnly)));
        ReadOptions firstTwo = ReadOptions.defaults().until(secondStart + 1);
        assertEquals(List.of(row("1"), row("2\n2")), rows(readAll(file, Dialect.csv(), firstTwo)));
        assertFalse(all.get(1).malformed());
    }
}
