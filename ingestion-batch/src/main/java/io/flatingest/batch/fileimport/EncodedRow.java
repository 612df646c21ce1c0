package io.flatingest.batch.fileimport;

/**
 * What the processor hands the writer for a converted row: only a token, since the row's RowBinary is already in
 * the chunk's buffer ({@link ChunkRows}). The batch runtime still counts one item per row.
 */
enum EncodedRow {
    IN_CHUNK
}
