package io.flatingest.infrastructure.flatfile;

import java.util.Objects;

/**
 * Where to start and stop reading, and how long a record may be.
 *
 * @param start         where to start: {@link ReadPosition#BEGINNING} or a record start from an earlier read
 * @param endOffset     stop at the first record starting at or after this offset; negative for "read to the end"
 * @param maxRecordSize longest record in bytes; a longer one is given back as malformed (see {@link FlatFileReader})
 */
public record ReadOptions(ReadPosition start, long endOffset, int maxRecordSize) {

    /** Default longest record: 8 MiB. */
    public static final int DEFAULT_MAX_RECORD_SIZE = 8 << 20;

    /** Largest allowed maximum: 1 GiB (the record must fit in one array). */
    public static final int LIMIT_MAX_RECORD_SIZE = 1 << 30;

    public ReadOptions {
        Objects.requireNonNull(start, "start");
        if (maxRecordSize < 16 || maxRecordSize > LIMIT_MAX_RECORD_SIZE) {
            throw new IllegalArgumentException("maxRecordSize must be between 16 bytes and 1 GiB: " + maxRecordSize);
        }
    }

    /** The whole file from the beginning, 8 MiB records. */
    public static ReadOptions defaults() {
        return new ReadOptions(ReadPosition.BEGINNING, -1, DEFAULT_MAX_RECORD_SIZE);
    }

    public ReadOptions from(ReadPosition newStart) {
        return new ReadOptions(newStart, endOffset, maxRecordSize);
    }

    public ReadOptions until(long newEndOffset) {
        return new ReadOptions(start, newEndOffset, maxRecordSize);
    }

    public ReadOptions withMaxRecordSize(int newMaxRecordSize) {
        return new ReadOptions(start, endOffset, newMaxRecordSize);
    }
}
