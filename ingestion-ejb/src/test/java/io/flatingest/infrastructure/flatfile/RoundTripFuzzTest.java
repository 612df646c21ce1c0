package io.flatingest.infrastructure.flatfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writes random rows full of delimiters, quotes, backslashes, line breaks, blanks and non-ASCII text the way each
 * dialect prescribes (choosing randomly among the legal spellings), reads them back and demands the exact values,
 * line numbers and byte offsets.
 */
class RoundTripFuzzTest {

    private static final String[] ALPHABET = {"a", "b", "N", " ", "\t", ",", ";", "|", "\"", "'", "\\", "\n", "\r",
        "é", "€", "😀"};

    @TempDir
    Path dir;

    static Stream<Dialect> dialects() {
        Dialect csv = Dialect.csv().withHeader(false);
        return Stream.of(csv, csv.withDelimiter(';'), csv.withDelimiter('\t'), csv.withDelimiter('|'),
                csv.withEscape(Dialect.EscapeMode.BACKSLASH), csv.withTrim(true),
                csv.withTrim(true).withEscape(Dialect.EscapeMode.BACKSLASH).withDelimiter(';'),
                csv.withQuote('\''), Dialect.tsv().withHeader(false));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void randomRowsReadBackExactly(Dialect dialect) throws IOException {
        Random random = new Random(dialect.hashCode());
        for (int round = 0; round < 40; round++) {
            String terminator = List.of("\n", "\r\n", "\r").get(random.nextInt(3));
            List<String[]> rows = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            List<Long> offsets = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            int count = 1 + random.nextInt(30);
            for (int r = 0; r < count; r++) {
                offsets.add((long) text.toString().getBytes(StandardCharsets.UTF_8).length);
                lines.add(1 + physicalBreaks(text));
                String[] row = randomRow(random, dialect);
                rows.add(row);
                text.append(serialize(row, dialect, random));
                if (r < count - 1 || random.nextBoolean()) {
                    text.append(terminator);
                }
            }
            Path file = Fixtures.write(dir, "f" + round + ".txt", text.toString());
            List<FlatRecord> records = Fixtures.readAll(file, dialect);
            assertEquals(rows.size(), records.size(), () -> "records in " + escape(text));
            for (int r = 0; r < rows.size(); r++) {
                FlatRecord record = records.get(r);
                int index = r;
                assertNull(record.problem(), () -> record.problem() + " in " + escape(text));
                assertEquals(Arrays.asList(rows.get(r)), Arrays.asList(record.fields()),
                        () -> "row " + index + ": " + escape(Arrays.toString(rows.get(index))) + " read as "
                                + escape(Arrays.toString(record.fields())) + " from " + escape(text));
                assertEquals(offsets.get(r), record.startOffset());
                assertEquals(lines.get(r), record.line());
            }
        }
    }

    private static String[] randomRow(Random random, Dialect dialect) {
        String[] row = new String[2 + random.nextInt(4)];
        for (int i = 0; i < row.length; i++) {
            if (random.nextInt(8) == 0) {
                continue;
            }
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(7);
            for (int k = 0; k < length; k++) {
                value.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            String v = value.toString();
            boolean csvNullToken = dialect.format() == Dialect.Format.CSV && dialect.nullTokens().contains(v)
                    && !v.isEmpty();
            row[i] = csvNullToken ? "x" + v : v;
        }
        return row;
    }

    private static String serialize(String[] row, Dialect dialect, Random random) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                line.append(dialect.delimiter());
            }
            line.append(dialect.format() == Dialect.Format.TSV ? tsv(row[i]) : csv(row[i], dialect, random));
        }
        return line.toString();
    }

    private static String tsv(String value) {
        if (value == null) {
            return "\\N";
        }
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String csv(String value, Dialect dialect, Random random) {
        String pad = dialect.trim() && dialect.delimiter() != ' ' ? " ".repeat(random.nextInt(3)) : "";
        if (value == null) {
            return pad;
        }
        char q = dialect.quote();
        boolean mustQuote = value.isEmpty() || value.indexOf(dialect.delimiter()) >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || value.startsWith(String.valueOf(q))
                || dialect.trim() && !value.equals(Blanks.trim(value))
                || dialect.trim() && Blanks.trim(value).startsWith(String.valueOf(q));
        if (!mustQuote && random.nextBoolean()) {
            return pad + value + pad;
        }
        StringBuilder quoted = new StringBuilder().append(q);
        for (char c : value.toCharArray()) {
            boolean backslash = dialect.escape() == Dialect.EscapeMode.BACKSLASH;
            if (c == q) {
                quoted.append(backslash && random.nextBoolean() ? "\\" + q : "" + q + q);
            } else if (c == '\\' && backslash) {
                quoted.append("\\\\");
            } else {
                quoted.append(c);
            }
        }
        return pad + quoted.append(q) + pad;
    }

    private static long physicalBreaks(CharSequence text) {
        long breaks = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                breaks++;
            }
        }
        return breaks;
    }

    private static String escape(CharSequence text) {
        return text.toString().replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }
}
