package io.flatingest.infrastructure.flatfile;

import java.io.Serializable;

/**
 * Where a record starts: the byte offset (in the file, or in the decompressed/transcoded stream), the 1-based physical
 * line an editor would show, and the 1-based data record number. This is what a checkpoint stores.
 *
 * <p>A byte offset, not a line number, is the primary key because quoted fields may contain newlines: only an offset
 * lets a restart seek straight to a record start instead of re-reading and re-parsing everything before it.
 * Serializable, so it can be a Jakarta Batch checkpoint as it is.
 *
 * @param offset byte offset of the record start
 * @param line   1-based physical line on which the record starts
 * @param record 1-based number of the data record (the header and skipped lines are not data records)
 */
public record ReadPosition(long offset, long line, long record) implements Serializable {

    /** The beginning of the file: byte-order mark, skipped lines and header are handled when reading from here. */
    public static final ReadPosition BEGINNING = new ReadPosition(0, 1, 1);

    public ReadPosition {
        if (offset < 0 || line < 1 || record < 1) {
            throw new IllegalArgumentException("invalid read position " + offset + "/" + line + "/" + record);
        }
    }

    /** Whether this is the start of the file rather than a record inside it. */
    public boolean isBeginning() {
        return offset == 0;
    }
}
