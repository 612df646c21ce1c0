package io.flatingest.infrastructure.flatfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds exact record starts to split a big plain file into partitions that can be read in parallel.
 *
 * <p>It scans the file once with the reader's own scanner (no decoding, no parsing), so a split point is a record
 * start by the very rules the partition readers use, quoted newlines and malformed-record recovery included. A
 * gzip-compressed or transcoded file cannot be entered in the middle and is not split.
 */
public final class RecordBoundaries {

    private RecordBoundaries() {
    }

    /**
     * Up to {@code partitions - 1} split points, each the first record start at or after an equal share of the file
     * size, without duplicates; fewer when the file has fewer records, none when it is compressed or transcoded.
     */
    public static List<ReadPosition> splitPoints(Path file, Dialect dialect, int partitions, int maxRecordSize)
            throws IOException {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1");
        }
        long size = Files.size(file);
        List<ReadPosition> points = new ArrayList<>();
        ReadOptions options = ReadOptions.defaults().withMaxRecordSize(maxRecordSize);
        try (FlatFileReader reader = FlatFileReader.open(file, dialect, options)) {
            if (!reader.plain()) {
                return points;
            }
            ReadPosition position = reader.position();
            long previous = position.offset();
            for (int k = 1; k < partitions; k++) {
                long target = size * k / partitions;
                while (position.offset() < target && reader.skip()) {
                    position = reader.position();
                }
                if (position.offset() < target || position.offset() >= size) {
                    break;
                }
                if (position.offset() > previous) {
                    points.add(position);
                    previous = position.offset();
                }
            }
        }
        return points;
    }

    /** The partitions for {@link #splitPoints}: the first from the beginning, the last to the end. */
    public static List<FilePartition> partitions(Path file, Dialect dialect, int partitions, int maxRecordSize)
            throws IOException {
        List<ReadPosition> points = splitPoints(file, dialect, partitions, maxRecordSize);
        List<FilePartition> result = new ArrayList<>();
        ReadPosition start = ReadPosition.BEGINNING;
        for (ReadPosition point : points) {
            result.add(new FilePartition(start, point.offset()));
            start = point;
        }
        result.add(new FilePartition(start, -1));
        return result;
    }
}
