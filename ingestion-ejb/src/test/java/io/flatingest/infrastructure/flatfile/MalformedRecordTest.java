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

class MalformedRecordTest {

    private static final Dialect CSV = Dialect.csv().withHeader(false);

    @TempDir
    Path dir;

    @Test
    void unterminatedQuoteAtEndOfFileRejectsOnlyItsFirstLine() throws IOException {
        Path file = write(dir, "u.csv", "1,ok\n2,\"never closed\n3,fine\n4,also fine\n");
        List<FlatRecord> records = readAll(file, CSV);
        assertEquals(List.of(row("1", "ok"), row("!unterminated quoted field starting on line 2"), row("3", "fine"),
                row("4", "also fine")), rows(records));
        FlatRecord bad = records.get(1);
        assertEquals("2,\"never closed", bad.rawText());
        assertEquals(2, bad.line());
        assertEquals(2, bad.lastLine());
        assertEquals(3, records.get(2).line());
    }

    @Test
    void unterminatedQuoteLongerThanTheMaximumDoesNotSwallowTheFile() throws IOException {
        StringBuilder text = new StringBuilder("1,\"stray\n");
        for (int i = 2; i <= 200; i++) {
            text.append(i).append(",row ").append(i).append('\n');
        }
        text.append("201,\"late \"\"quote\"\"\"\n");
        ReadOptions small = ReadOptions.defaults().withMaxRecordSize(256);
        List<FlatRecord> records = readAll(write(dir, "big.csv", text.toString()), CSV, small);
        assertEquals(201, records.size());
        assertEquals("unterminated quoted field starting on line 1", records.get(0).problem());
        assertEquals(row("2", "row 2"), rows(records).get(1));
        assertEquals(row("201", "late \"quote\""), rows(records).get(200));
        assertEquals(201, records.get(200).line());
    }

    @Test
    void strayQuoteClosedByALaterQuoteIsResynchronisedAtTheNextLine() throws IOException {
        Path file = write(dir, "s.csv", "1,\"stray,x\n2,b\n3,\"q\",c\n");
        assertEquals(List.of(row("!unterminated quoted field starting on line 1"), row("2", "b"),
                row("3", "q", "c")), rows(readAll(file, CSV)));
    }

    @Test
    void textAfterClosingQuoteOnOneLineIsMalformed() throws IOException {
        Path file = write(dir, "t.csv", "1,\"12\" screen,x\n2,ok\n");
        List<FlatRecord> records = readAll(file, CSV);
        assertEquals("text after a closing quote on line 1 (a field is either quoted entirely or not at all)",
                records.get(0).problem());
        assertEquals("1,\"12\" screen,x", records.get(0).rawText());
        assertEquals(row("2", "ok"), rows(records).get(1));
    }

    @Test
    void lineLongerThanTheMaximumIsCutAndSkipped() throws IOException {
        String longLine = "x".repeat(1000);
        Path file = write(dir, "l.csv", "1,a\n" + longLine + "\r\n2,b\n\"" + longLine + "\n3,c");
        ReadOptions small = ReadOptions.defaults().withMaxRecordSize(100);
        List<FlatRecord> records = readAll(file, CSV, small);
        assertEquals(5, records.size());
        assertTrue(records.get(1).problem().startsWith("record starting on line 2 is longer than"));
        assertEquals(100, records.get(1).rawText().length());
        assertEquals(4L + 1002, records.get(1).nextOffset(), "the CRLF belongs to the cut line");
        assertEquals(row("2", "b"), rows(records).get(2));
        assertTrue(records.get(3).malformed());
        assertEquals(row("3", "c"), rows(records).get(4));
        assertEquals(5, records.get(4).line());
    }

    @Test
    void aRecordOfExactlyTheMaximumIsFine() throws IOException {
        String value = "y".repeat(98);
        Path file = write(dir, "m.csv", "\"" + value + "\"\n");
        ReadOptions max100 = ReadOptions.defaults().withMaxRecordSize(100);
        assertEquals(List.of(row(value)), rows(readAll(file, CSV, max100)));
        ReadOptions max99 = ReadOptions.defaults().withMaxRecordSize(99);
        assertTrue(readAll(file, CSV, max99).get(0).malformed());
    }

    @Test
    void aQuotedFieldOfSeveralMegabytesGrowsTheBufferAndReadsBack() throws IOException {
        String big = "line\n".repeat(600_000);
        Path file = write(dir, "big.csv", "1,\"" + big + "\",2\n3,4\n");
        List<FlatRecord> records = readAll(file, CSV);
        assertEquals(List.of(row("1", big, "2"), row("3", "4")), rows(records));
        assertEquals(600_002, records.get(1).line());
    }
}
