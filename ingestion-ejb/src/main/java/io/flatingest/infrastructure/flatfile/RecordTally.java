package io.flatingest.infrastructure.flatfile;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Counts and checks the records of a file, as {@link FlatFileReader#check()} reads them, one stretch at a time while
 * the file is still being written: what lets an export read its file back while it writes it rather than after.
 *
 * <p>{@link #upTo(long)} takes an offset the file has reached that ends a record and that will not change any more
 * (an export's committed checkpoint); every record starting before it is checked, and the next stretch resumes from
 * there by seeking, as a partition does. That works for plain files only: a compressed or transcoded file has no
 * byte offset to seek to, and {@code upTo} then says so and leaves everything to {@link #toEnd()}. The counts and the
 * first malformed record are the same as one read of the finished file: records never straddle a stretch's end and
 * the scanner's verdict depends on a record's bytes alone. Not thread-safe; hand it from thread to thread with a
 * happens-before edge (an executor's termination).
 */
public final class RecordTally {

    private final Path file;
    private final Dialect dialect;
    private ReadPosition position = ReadPosition.BEGINNING;
    private long records;
    private RecordCheck malformed;
    private boolean seekable = true;

    public RecordTally(Path file, Dialect dialect) {
        this.file = file;
        this.dialect = dialect;
    }

    /**
     * Checks the records that start before {@code end}, a record boundary of the file that stays as it is.
     *
     * @return false when the file cannot be checked in stretches (compressed or transcoded): nothing was counted and
     *         only {@link #toEnd()} can
     */
    public boolean upTo(long end) throws IOException {
        if (!seekable) {
            return false;
        }
        if (malformed == null && end > position.offset()) {
            read(ReadOptions.defaults().from(position).until(end));
        }
        return seekable;
    }

    /**
     * Checks the records from where the last stretch ended (the beginning, when the file cannot be read in stretches:
     * then nothing was counted) to the end of the file.
     */
    public void toEnd() throws IOException {
        if (malformed == null) {
            read(ReadOptions.defaults().from(position));
        }
    }

    private void read(ReadOptions options) throws IOException {
        try (FlatFileReader reader = FlatFileReader.open(file, dialect, options)) {
            if (options.endOffset() >= 0 && !reader.plain()) {
                seekable = false;
                return;
            }
            RecordCheck r;
            while ((r = reader.check()) != null) {
                if (r.malformed()) {
                    malformed = r;
                    return;
                }
                records++;
            }
            position = reader.position();
        }
    }

    /** Well-formed records counted so far (up to the first malformed one). */
    public long records() {
        return records;
    }

    /** The first malformed record, or null. */
    public RecordCheck malformed() {
        return malformed;
    }

    /** Offset up to which the file was checked. */
    public long checkedTo() {
        return position.offset();
    }
}
