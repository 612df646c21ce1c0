package io.flatingest.batch.fileimport;

/**
 * A converted row: its mapped columns in RowBinary.
 */
public record EncodedRow(byte[] rowBinary) {
}
