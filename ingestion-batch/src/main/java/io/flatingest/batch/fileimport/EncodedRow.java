package io.flatingest.batch.fileimport;

/**
 * A converted row: its mapped columns in RowBinary, and the byte offset of the record it came from.
 */
public record EncodedRow(long offset, byte[] rowBinary) {
}
