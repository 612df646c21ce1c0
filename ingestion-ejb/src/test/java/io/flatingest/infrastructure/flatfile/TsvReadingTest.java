package io.flatingest.infrastructure.flatfile;

import static io.flatingest.infrastructure.flatfile.Fixtures.readAll;
import static io.flatingest.infrastructure.flatfile.Fixtures.row;
import static io.flatingest.infrastructure.flatfile.Fixtures.rows;
import static io.flatingest.infrastructure.flatfile.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsvReadingTest {

    private static final Dialect TSV = Dialect.tsv().withHeader(false);

    @TempDir
    Path dir;

    @Test
    void everyClickHouseEscape() throws IOException {
        Path file = write(dir, "e.tsv", "a\\tb\tc\\nd\te\\rf\tg\\\\h\ti\\0j\tk\\bl\tm\\fn\to\\'p\n");
        assertEquals(List.of(row("a\tb", "c\nd", "e\rf", "g\\h", "i\0j", "k\bl", "m\fn", "o'p")),
                rows(readAll(file, TSV)));
    }

    @Test
    void rawBackslashNIsNullButEscapedBackslashNIsText() throws IOException {
        Path file = write(dir, "n.tsv", "\\N\t\\\\N\t\tN\tx\\Ny\n");
        assertEquals(List.of(row(null, "\\N", "", "N", "xy")), rows(readAll(file, TSV)));
    }

    @Test
    void escapedLineBreakAndTabStayInsideTheField() throws IOException {
        Path file = write(dir, "l.tsv", "one\\\nline\ttab\\\there\n2\t3\n");
        List<FlatRecord> records = readAll(file, TSV);
        assertEquals(List.of(row("one\nline", "tab\there"), row("2", "3")), rows(records));
        assertEquals(2, records.get(0).lastLine());
        assertEquals(3, records.get(1).line());
    }

    @Test
    void unknownEscapeKeepsItsBackslashLikeClickHouse() throws IOException {
        Path file = write(dir, "u.tsv", "100\\%\tC:\\\\temp\t\\x41\n");
        assertEquals(List.of(row("100\\%", "C:\\temp", "A")), rows(readAll(file, TSV)));
    }

    @Test
    void quotesAreOrdinaryCharactersInTsv() throws IOException {
        Path file = write(dir, "q.tsv", "\"a\tb\"\n");
        assertEquals(List.of(row("\"a", "b\"")), rows(readAll(file, TSV)));
    }

    @Test
    void noEscapesModeKeepsBackslashes() throws IOException {
        Path file = write(dir, "r.tsv", "C:\\temp\t\\N\n");
        assertEquals(List.of(row("C:\\temp", null)),
                rows(readAll(file, TSV.withEscape(Dialect.EscapeMode.NONE))));
    }

    @Test
    void badEscapesMakeTheRecordMalformedNotTheFile() throws IOException {
        Path file = write(dir, "b.tsv", "ok\n\\xC3\\xA9\nfine\ntrailing\\");
        List<FlatRecord> records = readAll(file, TSV);
        assertEquals(4, records.size());
        assertTrue(records.get(1).problem().contains("non-ASCII byte"), records.get(1).problem());
        assertTrue(records.get(1).problem().endsWith("(line 2)"));
        assertEquals(row("fine"), rows(records).get(2));
        assertTrue(records.get(3).problem().contains("backslash ends the file"));
    }
}
