package io.flatingest.infrastructure.flatfile;

import static io.flatingest.infrastructure.flatfile.Fixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RecordBoundariesTest {

    private static final String[] PIECES = {"a", "bc", ",", ",", "\"", "\"", "\"\"", "\n", "\n", "\r\n", "\r", " ",
        "\\", "\t", "é", "x,y\n", "\"q\nq\",z\n"};

    @TempDir
    Path dir;

    static Stream<Dialect> dialects() {
        return Stream.of(Dialect.csv(), Dialect.csv().withHeader(false).withSkipLines(1),
                Dialect.csv().withEscape(Dialect.EscapeMode.BACKSLASH), Dialect.csv().withTrim(true),
                Dialect.tsv());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void partitionsOfRandomFilesReadEveryRecordExactlyOnce(Dialect dialect) throws IOException {
        Random random = new Random(dialect.toString().hashCode());
        for (int round = 0; round < 30; round++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(400);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            Path file = Fixtures.write(dir, "r" + round + ".csv", text.toString());
            int maxRecordSize = List.of(16, 40, 1 << 20).get(random.nextInt(3));
            ReadOptions options = ReadOptions.defaults().withMaxRecordSize(maxRecordSize);
            List<String> sequential = describeAll(file, dialect, options);
            Set<Long> recordStarts = readAll(file, dialect, options).stream().map(FlatRecord::startOffset)
                    .collect(Collectors.toSet());
            for (int n : new int[] {2, 3, 5, 7}) {
                List<FilePartition> partitions = RecordBoundaries.partitions(file, dialect, n, maxRecordSize);
                List<String> union = new ArrayList<>();
                for (FilePartition partition : partitions) {
                    union.addAll(describeAll(file, dialect, partition.options(maxRecordSize)));
                    assertTrue(partition.start().isBeginning() || recordStarts.contains(partition.start().offset()));
                }
                assertEquals(sequential, union, "partitions " + partitions + " of " + text);
            }
        }
    }

    private static List<String> describeAll(Path file, Dialect dialect, ReadOptions options) throws IOException {
        return readAll(file, dialect, options).stream().map(Fixtures::describe).toList();
    }

    @Test
    void splitPointsCarryLineAndRecordNumbers() throws IOException {
        StringBuilder text = new StringBuilder("id,note\n");
        for (int i = 1; i <= 100; i++) {
            text.append(i).append(i % 3 == 0 ? ",\"two\nlines\"\n" : ",one line\n");
        }
        Path file = Fixtures.write(dir, "n.csv", text.toString());
        List<FlatRecord> all = readAll(file, Dialect.csv());
        List<ReadPosition> points = RecordBoundaries.splitPoints(file, Dialect.csv(), 4, 1 << 20);
        assertEquals(3, points.size());
        for (ReadPosition point : points) {
            FlatRecord record = all.get((int) point.record() - 1);
            assertEquals(record.startOffset(), point.offset());
            assertEquals(record.line(), point.line());
            assertTrue(point.offset() >= file.toFile().length() * (points.indexOf(point) + 1) / 4);
        }
    }

    @Test
    void compressedFilesAreNotSplitAndTinyFilesGiveFewerPoints() throws IOException {
        byte[] text = "a\n1\n2\n3\n4\n5\n".getBytes(StandardCharsets.UTF_8);
        Path gz = Fixtures.write(dir, "t.csv", Fixtures.gzip(text));
        assertEquals(List.of(), RecordBoundaries.splitPoints(gz, Dialect.csv(), 4, 1 << 20));
        assertEquals(1, RecordBoundaries.partitions(gz, Dialect.csv(), 4, 1 << 20).size());
        Path small = Fixtures.write(dir, "s.csv", "a\n1\n");
        assertEquals(List.of(), RecordBoundaries.splitPoints(small, Dialect.csv(), 8, 1 << 20));
    }
}
