/**
 * Flat-file access: dialects (CSV/TSV options), byte-exact record splitting with offsets for checkpoints and
 * partitions, field parsing with opencsv, dialect detection, gzip and charset handling, and the confinement of every
 * user-supplied path to the landing and export directories. Schema proposals live in {@code .schema}.
 *
 * <p>Entry points: {@link io.flatingest.infrastructure.flatfile.FlatFileReader} streams
 * {@link io.flatingest.infrastructure.flatfile.FlatRecord}s from a {@link io.flatingest.infrastructure.flatfile.Dialect}
 * and a {@link io.flatingest.infrastructure.flatfile.ReadPosition} (the checkpoint);
 * {@link io.flatingest.infrastructure.flatfile.RecordBoundaries} cuts a big file into partitions;
 * {@link io.flatingest.infrastructure.flatfile.DialectDetector} proposes a dialect;
 * {@link io.flatingest.infrastructure.flatfile.ConfinedPaths} resolves user paths safely.
 *
 * <p>Everything else is package-private machinery: {@code RecordScanner} splits bytes into records, {@code
 * OpenedInput} inflates, skips the byte-order mark and transcodes, {@code RecordDecoder} decodes strictly, and {@code
 * CsvFieldParser} / {@code TsvFieldParser} turn a record into values.
 */
package io.flatingest.infrastructure.flatfile;
