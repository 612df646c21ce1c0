package io.flatingest.batch.fileexport;

/**
 * One exported row as the bytes of its file line, {@code text[from, to)}, formatted by the reader
 * ({@link io.flatingest.infrastructure.flatfile.write.CsvLines}); the rows of a batch share one array, so that the
 * writer writes consecutive lines in one call.
 */
record FormattedLine(byte[] text, int from, int to) {
}
