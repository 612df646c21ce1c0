package io.flatingest.infrastructure.flatfile;

/**
 * A slice of a file for one reader: from {@code start} up to the first record starting at or after
 * {@code endOffset}. Partitions from {@link RecordBoundaries} together read every record exactly once.
 *
 * @param start     where to start; {@link ReadPosition#BEGINNING} for the first partition (header, skipped lines)
 * @param endOffset where to stop, or -1 for the end of the file
 */
public record FilePartition(ReadPosition start, long endOffset) {

    /** The reader options for this partition. */
    public ReadOptions options(int maxRecordSize) {
        return new ReadOptions(start, endOffset, maxRecordSize);
    }
}
