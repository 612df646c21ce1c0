package io.flatingest.infrastructure.flatfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The scanner's records must not depend on how the input arrives: whole, or a few bytes per read. */
class RecordScannerTest {

    private static final String[] PIECES = {"a", "bc", ",", ",", "\"", "\"", "\"\"", "\n", "\r\n", "\r", " ", "\\",
        "\\\n", "\t", "é", "x,y\n", "\"q\r\nq\",z\n", "\" ,"};

    static Stream<Dialect> dialects() {
        return Stream.of(Dialect.csv(), Dialect.csv().withEscape(Dialect.EscapeMode.BACKSLASH),
                Dialect.csv().withTrim(true), Dialect.tsv(), Dialect.tsv().withEscape(Dialect.EscapeMode.NONE));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void recordsDoNotDependOnReadSizes(Dialect dialect) throws IOException {
        Random random = new Random(dialect.toString().hashCode());
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(300);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            int max = List.of(16, 33, 1 << 20).get(random.nextInt(3));
            List<String> whole = scan(new ByteArrayInputStream(bytes), dialect, max);
            List<String> trickled = scan(new Trickle(bytes, new Random(round)), dialect, max);
            assertEquals(whole, trickled, text.toString());
        }
    }

    private static List<String> scan(InputStream in, Dialect dialect, int max) throws IOException {
        RecordScanner scanner = new RecordScanner(in, 0, dialect, max);
        List<String> records = new ArrayList<>();
        long last = 0;
        while (scanner.next()) {
            last = scanner.nextOffset;
            byte[] text = Arrays.copyOfRange(scanner.text, scanner.textStart, scanner.textEnd);
            records.add(scanner.startOffset + ".." + scanner.nextOffset + " breaks=" + scanner.breaks + " "
                    + scanner.problem + " norm=" + scanner.needsNormalizing + " end=" + scanner.terminated + " "
                    + new String(text, StandardCharsets.UTF_8));
        }
        assertEquals(last, scanner.position());
        return records;
    }

    /** An input stream that hands out one to three bytes per read. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final Random random;
        private int pos;

        Trickle(byte[] bytes, Random random) {
            this.bytes = bytes;
            this.random = random;
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 1 + random.nextInt(3)), bytes.length - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
