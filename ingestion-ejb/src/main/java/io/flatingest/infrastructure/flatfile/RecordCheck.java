package io.flatingest.infrastructure.flatfile;

/**
 * What {@link FlatFileReader#check()} found about one record, without its text or fields.
 *
 * @param line     1-based physical line where the record starts
 * @param lastLine 1-based physical line where the record ends
 * @param number   1-based data record number
 * @param problem  why {@link FlatFileReader#read()} would give the record back malformed, null when well-formed
 */
public record RecordCheck(long line, long lastLine, long number, String problem) {

    /** Whether the record is malformed. */
    public boolean malformed() {
        return problem != null;
    }
}
