package io.flatingest.infrastructure.flatfile;

/**
 * One record of a flat file, well-formed or not.
 *
 * <p>A well-formed record has {@code fields} (null elements are SQL NULL) and no {@code problem}. A malformed record
 * has a {@code problem} sentence and no fields; the caller rejects it, reading goes on. Whether the field count fits
 * the table is the caller's business.
 *
 * @param line        1-based physical line where the record starts
 * @param lastLine    1-based physical line where the record ends (differs from {@code line} for quoted newlines)
 * @param number      1-based data record number
 * @param startOffset byte offset of the first byte of the record
 * @param nextOffset  byte offset where the next record starts (after this record's line terminator)
 * @param rawText     the record's text without its line terminator, for a reject file; for a malformed record
 *                    undecodable bytes show as U+FFFD and a record longer than the maximum is cut there
 * @param fields      decoded field values, null for a malformed record; do not modify the array
 * @param problem     why the record is malformed, null for a well-formed record
 */
public record FlatRecord(long line, long lastLine, long number, long startOffset, long nextOffset, String rawText,
                         String[] fields, String problem) {

    /** Whether the record could not be split or decoded and must be rejected. */
    public boolean malformed() {
        return problem != null;
    }

    /** Number of fields, 0 for a malformed record. */
    public int fieldCount() {
        return fields == null ? 0 : fields.length;
    }

    /** Whether the record is an empty line. */
    public boolean blank() {
        return rawText.isEmpty();
    }

    /** The position of the record that follows this one: what a checkpoint after this record stores. */
    public ReadPosition next() {
        return new ReadPosition(nextOffset, lastLine + 1, number + 1);
    }
}
