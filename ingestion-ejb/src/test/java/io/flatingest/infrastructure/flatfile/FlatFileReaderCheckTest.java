package io.flatingest.infrastructure.flatfile;

import static io.flatingest.infrastructure.flatfile.Fixtures.concat;
import static io.flatingest.infrastructure.flatfile.Fixtures.gzip;
import static io.flatingest.infrastructure.flatfile.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.flatingest.infrastructure.clickhouse.type.Utf8;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FlatFileReader#check()}: counts records and finds exactly the problems {@link FlatFileReader#read()} finds. */
class FlatFileReaderCheckTest {

    @TempDir
    Path dir;

    @Test
    void countsRecordsOverQuotedLineBreaksCrlfBomAndHeader() throws IOException {
        String text = "\uFEFFid,note\r\n1,plain\r\n2,\"two\r\nlines\"\r\n3,\"lf\ninside, \"\"quoted\"\"\"\r\n4,\r\n\r\n5,last";
        Path file = write(dir, "c.csv", text);
        List<RecordCheck> checks = checkAll(file, Dialect.csv());
        assertEquals(6, checks.size());
        assertEquals(List.of(), checks.stream().filter(RecordCheck::malformed).toList());
        assertEquals(List.of(2L, 3L, 5L, 7L, 8L, 9L), checks.stream().map(RecordCheck::line).toList());
        assertEquals(4, checks.get(1).lastLine());
        assertEquals(6, checks.get(5).number());
        assertEquals(describeRead(file, Dialect.csv()), describeCheck(file, Dialect.csv()));
    }

    @Test
    void unterminatedQuoteAtTheEndIsReportedWithItsLine() throws IOException {
        Path file = write(dir, "u.csv", "id,note\n1,ok\n2,\"never\nclosed\n");
        List<RecordCheck> checks = checkAll(file, Dialect.csv());
        assertEquals(3, checks.size());
        assertEquals("unterminated quoted field starting on line 3", checks.get(1).problem());
        assertEquals(3, checks.get(1).line());
        assertEquals(describeRead(file, Dialect.csv()), describeCheck(file, Dialect.csv()));
    }

    @Test
    void undecodableBytesAreReported() throws IOException {
        byte[] bytes = concat("a,b\n1,caf\u00e9\n2,".getBytes(StandardCharsets.UTF_8), new byte[] {'x', (byte) 0xC3, '('},
                "\n3,z\n".getBytes(StandardCharsets.UTF_8));
        Path file = write(dir, "bad.csv", bytes);
        List<RecordCheck> checks = checkAll(file, Dialect.csv());
        assertEquals(3, checks.size());
        assertNull(checks.get(0).problem());
        assertEquals("bytes not valid in UTF-8 at byte 4 of the record (line 3)", checks.get(1).problem());
        assertNull(checks.get(2).problem());
        Path ascii = write(dir, "bad-ascii.csv", new byte[] {'a', '\n', 'b', (byte) 0xE9, '\n'});
        Dialect usAscii = Dialect.csv().withEncoding("US-ASCII");
        assertEquals("bytes not valid in US-ASCII at byte 2 of the record (line 2)",
                checkAll(ascii, usAscii).get(0).problem());
        assertEquals(describeRead(ascii, usAscii), describeCheck(ascii, usAscii));
    }

    @Test
    void gzipIsInflated() throws IOException {
        String text = "\uFEFFid\tnote\n1\tplain\n2\twith\\ttab\n3\t\\N\n4\tbad \\x4\n";
        Path file = write(dir, "t.tsv.gz", gzip(text.getBytes(StandardCharsets.UTF_8)));
        List<RecordCheck> checks = checkAll(file, Dialect.tsv());
        assertEquals(4, checks.size());
        assertEquals("\\x must be followed by two hex digits (line 5)", checks.get(3).problem());
        assertEquals(describeRead(file, Dialect.tsv()), describeCheck(file, Dialect.tsv()));
    }

    @Test
    void tsvEscapesAreCheckedAsReadChecksThem() throws IOException {
        Path file = write(dir, "e.tsv", "a\\\\x\tb\n\\x41\tok\n\\xE9\tno\nend\\");
        Dialect tsv = Dialect.tsv().withHeader(false);
        List<RecordCheck> checks = checkAll(file, tsv);
        assertEquals(4, checks.size());
        assertNull(checks.get(0).problem());
        assertNull(checks.get(1).problem());
        assertEquals("\\xE9 escapes a non-ASCII byte, which is not text (line 3)", checks.get(2).problem());
        assertEquals("a backslash ends the file, escaping nothing (line 4)", checks.get(3).problem());
        assertEquals(describeRead(file, tsv), describeCheck(file, tsv));
    }

    /**
     * Random bytes from the characters that matter, in every dialect the export writes and a few more; a small
     * maximum record size makes some records too long.
     */
    @Test
    void findsWhatReadFindsOnRandomInput() throws IOException {
        byte[][] alphabet = {{'a'}, {'1'}, {','}, {';'}, {'"'}, {'\''}, {'\n'}, {'\r'}, {'\r', '\n'}, {'\t'}, {' '},
                {'\\'}, {'x'}, {'4'}, {'N'}, {(byte) 0xC3, (byte) 0xA9}, {(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0x81},
                {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
        List<Dialect> dialects = List.of(Dialect.csv(), Dialect.csv().withHeader(false),
                Dialect.csv().withDelimiter(';').withQuote('\''), Dialect.csv().withEscape(Dialect.EscapeMode.BACKSLASH),
                Dialect.csv().withTrim(true), Dialect.csv().withEncoding("windows-1252"), Dialect.tsv(),
                Dialect.tsv().withHeader(false), Dialect.tsv().withEscape(Dialect.EscapeMode.NONE),
                Dialect.tsv().withTrim(true), Dialect.tsv().withEncoding("ISO-8859-1"));
        ReadOptions small = ReadOptions.defaults().withMaxRecordSize(24);
        Random random = new Random(42);
        for (int n = 0; n < 400; n++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                out.writeBytes(alphabet[random.nextInt(alphabet.length)]);
            }
            byte[] bytes = out.toByteArray();
            Path file = write(dir, "r" + n + ".txt", n % 7 == 0 ? gzip(bytes) : bytes);
            for (Dialect dialect : dialects) {
                assertEquals(describeRead(file, dialect, small), describeCheck(file, dialect, small),
                        dialect + " on " + file);
            }
        }
    }

    @Test
    void utf8CheckAgreesWithTheJdksStrictDecoder() {
        Random random = new Random(7);
        int[] interesting = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
            0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
        for (int n = 0; n < 50_000; n++) {
            byte[] bytes = new byte[1 + random.nextInt(5)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) interesting[random.nextInt(interesting.length)];
            }
            assertEquals(strictlyValid(bytes), Utf8.valid(bytes, 0, bytes.length), () -> java.util.HexFormat.of()
                    .formatHex(bytes));
        }
    }

    private static boolean strictlyValid(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static List<RecordCheck> checkAll(Path file, Dialect dialect) throws IOException {
        return checkAll(file, dialect, ReadOptions.defaults());
    }

    private static List<RecordCheck> checkAll(Path file, Dialect dialect, ReadOptions options) throws IOException {
        List<RecordCheck> checks = new ArrayList<>();
        try (FlatFileReader reader = FlatFileReader.open(file, dialect, options)) {
            for (RecordCheck c = reader.check(); c != null; c = reader.check()) {
                checks.add(c);
            }
        }
        return checks;
    }

    private static List<String> describeCheck(Path file, Dialect dialect) throws IOException {
        return describeCheck(file, dialect, ReadOptions.defaults());
    }

    private static List<String> describeCheck(Path file, Dialect dialect, ReadOptions options) throws IOException {
        return checkAll(file, dialect, options).stream()
                .map(c -> c.line() + "-" + c.lastLine() + " #" + c.number() + " " + c.problem()).toList();
    }

    private static List<String> describeRead(Path file, Dialect dialect) throws IOException {
        return describeRead(file, dialect, ReadOptions.defaults());
    }

    private static List<String> describeRead(Path file, Dialect dialect, ReadOptions options) throws IOException {
        return Fixtures.readAll(file, dialect, options).stream()
                .map(r -> r.line() + "-" + r.lastLine() + " #" + r.number() + " " + r.problem()).toList();
    }

}
