package io.flatingest.infrastructure.flatfile.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReaderBuilder;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import com.opencsv.RFC4180ParserBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFileWriterTest {

    private static final List<ExportColumn> COLUMNS = List.of(ExportColumn.of("id"), ExportColumn.of("name"),
            new ExportColumn("tags", true));

    @TempDir
    Path dir;

    @Test
    void csvQuotesOnlyWhatNeedsIt() throws Exception {
        String csv = write(ExportFileOptions.csv(), new String[][] {
                {"1", "plain", "[]"},
                {"2", "a,b", "['x','y']"},
                {"3", "say \"hi\"", null},
                {"4", "two\nlines", "[]"},
                {"5", "", "[]"},
                {"6", " padded ", "\\N"}});
        assertEquals("id,name,tags\n1,plain,[]\n2,\"a,b\",\"['x','y']\"\n3,\"say \"\"hi\"\"\",\n"
                + "4,\"two\nlines\",[]\n5,\"\",[]\n6,\" padded \",\"\\N\"\n", csv);
        List<String[]> back = new CSVReaderBuilder(new StringReader(csv))
                .withCSVParser(new RFC4180ParserBuilder().build()).build().readAll();
        assertArrayEquals(new String[] {"3", "say \"hi\"", ""}, back.get(3));
        assertArrayEquals(new String[] {"4", "two\nlines", "[]"}, back.get(4));
    }

    @Test
    void csvQuoteAllLeavesNullBare() throws Exception {
        String csv = write(ExportFileOptions.csv().withQuoteAll(true).withNullToken("\\N"),
                new String[][] {{"1", null, "[1]"}, {"2", "\\N", ""}});
        assertEquals("\"id\",\"name\",\"tags\"\n\"1\",\\N,\"[1]\"\n\"2\",\"\\N\",\"\"\n", csv);
        String empty = write(ExportFileOptions.csv().withQuoteAll(true), new String[][] {{"1", null, ""}});
        assertEquals("\"id\",\"name\",\"tags\"\n\"1\",,\"\"\n", empty);
    }

    @Test
    void csvValueEqualToTheNullTokenIsQuoted() throws Exception {
        String csv = write(ExportFileOptions.csv().withNullToken("NULL").withHeader(false),
                new String[][] {{"1", null, "NULL"}, {"2", "", "x"}});
        assertEquals("1,NULL,\"NULL\"\n2,,x\n", csv);
    }

    @Test
    void otherDelimiterQuoteAndCrlf() throws Exception {
        String csv = write(ExportFileOptions.csv().withDelimiter(';').withQuoteChar('\'').withLineEnding("\r\n"),
                new String[][] {{"1", "a;b", "it's"}, {"2", "a,b", "x"}});
        assertEquals("id;name;tags\r\n1;'a;b';'it''s'\r\n2;a,b;x\r\n", csv);
    }

    @Test
    void tsvEscapesLikeClickHouseAndLeavesLiteralsAlone() throws Exception {
        String tsv = write(ExportFileOptions.tsv(), new String[][] {
                {"1", "tab\there", "['a\\tb','c\\'d']"},
                {"2", "nl\nback\\slash 'q'", null},
                {"3", null, "[NULL]"}});
        assertEquals("id\tname\ttags\n1\ttab\\there\t['a\\tb','c\\'d']\n2\tnl\\nback\\\\slash \\'q\\'\t\\N\n"
                + "3\t\\N\t[NULL]\n", tsv);
    }

    @Test
    void charsetOtherThanUtf8AndUnencodableCharacterNamesRowAndColumn() throws Exception {
        Charset cp1252 = Charset.forName("windows-1252");
        Path file = dir.resolve("out.csv");
        ExportFileWriter w = ExportFileWriter.open(file, COLUMNS, ExportFileOptions.csv().withCharset(cp1252), null);
        w.writeRow(new String[] {"1", "€uro café", "[]"});
        ExportFileException e = assertThrows(ExportFileException.class,
                () -> w.writeRow(new String[] {"2", "Łódź", "[]"}));
        assertEquals("row 2, column name: the character U+0141 'Ł' cannot be written in windows-1252", e.getMessage());
        assertThrows(IllegalStateException.class, w::commit);
        w.close();
        assertFalse(Files.exists(file));
        ExportFileWriter ok = ExportFileWriter.open(file, COLUMNS, ExportFileOptions.csv().withCharset(cp1252), null);
        ok.writeRow(new String[] {"1", "€uro café", "[]"});
        ok.commit();
        assertEquals("id,name,tags\n1,€uro café,[]\n", Files.readString(file, cp1252));
        assertEquals((byte) 0x80, Files.readAllBytes(file)[15]);
    }

    @Test
    void unpairedSurrogateIsAnErrorInUtf8() throws Exception {
        ExportFileWriter w = ExportFileWriter.open(dir.resolve("s.csv"), COLUMNS, ExportFileOptions.csv(), null);
        ExportFileException e = assertThrows(ExportFileException.class,
                () -> w.writeRow(new String[] {"1", "x", "a\uD800b"}));
        assertTrue(e.getMessage().startsWith("row 1, column tags: an unpaired surrogate U+D800"), e.getMessage());
        w.abort();
        assertFalse(Files.exists(ExportFileWriter.temporaryFileFor(dir.resolve("s.csv"))));
    }

    @Test
    void byteOrderMarkOnlyForUtf8() throws Exception {
        Path file = dir.resolve("bom.csv");
        ExportFileWriter w = ExportFileWriter.open(file, COLUMNS, ExportFileOptions.csv().withBom(true), null);
        w.writeRow(new String[] {"1", "é", "[]"});
        w.commit();
        byte[] b = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'i', 'd'}, java.util.Arrays.copyOf(b, 5));
        assertThrows(IllegalArgumentException.class,
                () -> ExportFileOptions.csv().withCharset(StandardCharsets.ISO_8859_1).withBom(true));
    }

    @Test
    void nothingAppearsUnderTheFinalNameBeforeCommit() throws Exception {
        Path file = dir.resolve("data.csv");
        ExportFileWriter w = ExportFileWriter.open(file, COLUMNS, ExportFileOptions.csv(), null);
        w.writeRow(new String[] {"1", "a", "[]"});
        w.checkpoint();
        assertFalse(Files.exists(file));
        assertTrue(Files.exists(dir.resolve(".data.csv.part")));
        assertEquals(file, w.commit());
        assertTrue(Files.exists(file));
        assertFalse(Files.exists(dir.resolve(".data.csv.part")));
        assertEquals(1, w.rowsWritten());
        assertEquals(Files.size(file), w.bytesWritten());
        assertEquals(Files.size(file), w.textBytesWritten());
    }

    @Test
    void refusesToOverwriteUnlessTold() throws Exception {
        Path file = dir.resolve("exists.csv");
        Files.writeString(file, "old");
        assertThrows(FileAlreadyExistsException.class,
                () -> ExportFileWriter.open(file, COLUMNS, ExportFileOptions.csv(), null));
        ExportFileWriter w = ExportFileWriter.open(file, COLUMNS, ExportFileOptions.csv().withOverwrite(true), null);
        w.writeRow(new String[] {"1", "new", "[]"});
        w.commit();
        assertEquals("id,name,tags\n1,new,[]\n", Files.readString(file));
    }

    @Test
    void aFileAppearingDuringTheExportIsNotReplaced() throws Exception {
        Path file = dir.resolve("late.csv");
        ExportFileWriter w = ExportFileWriter.open(file, COLUMNS, ExportFileOptions.csv(), null);
        w.writeRow(new String[] {"1", "x", "[]"});
        Files.writeString(file, "someone else's");
        assertThrows(FileAlreadyExistsException.class, w::commit);
        assertEquals("someone else's", Files.readString(file));
        assertTrue(Files.exists(w.temporaryFile()));
    }

    @Test
    void aFreshStartDiscardsAStaleTemporaryFile() throws Exception {
        Path file = dir.resolve("stale.csv");
        Files.writeString(ExportFileWriter.temporaryFileFor(file), "garbage from an attempt without checkpoint\n");
        ExportFileWriter w = ExportFileWriter.open(file, COLUMNS, ExportFileOptions.csv(), null);
        w.writeRow(new String[] {"1", "x", "[]"});
        w.commit();
        assertEquals("id,name,tags\n1,x,[]\n", Files.readString(file));
    }

    @Test
    void behavesLikePlainOpencsvForOrdinaryValues() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        String alphabet = "ab,\"\n\r;x'é";
        String[][] rows = new String[2000][3];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                StringBuilder sb = new StringBuilder("v");
                for (int j = random.nextInt(6); j > 0; j--) {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                row[i] = sb.append('z').toString(); // no empty, blank-edged or \N values: those differ on purpose
            }
        }
        for (boolean all : new boolean[] {false, true}) {
            StringWriter expected = new StringWriter();
            ICSVWriter plain = new CSVWriterBuilder(expected).build();
            plain.writeNext(new String[] {"id", "name", "tags"}, all);
            for (String[] row : rows) {
                plain.writeNext(row, all);
            }
            plain.flush();
            assertEquals(expected.toString(), write(ExportFileOptions.csv().withQuoteAll(all), rows));
        }
    }

    private String write(ExportFileOptions options, String[][] rows) throws IOException {
        Path file = Files.createTempFile(dir, "w", ".csv");
        Files.delete(file);
        ExportFileWriter w = ExportFileWriter.open(file, COLUMNS, options, null);
        for (String[] row : rows) {
            w.writeRow(row);
        }
        w.commit();
        return Files.readString(file, options.charset());
    }
}
