/**
 * Writing export files: CSV or TSV through opencsv, in any charset (unencodable characters are errors naming row and
 * column), optionally gzip, with a BOM, a header and a null token. A file is written under a temporary name in the
 * export directory and appears under its final name only on {@code commit()}, by an atomic rename. Checkpoints are
 * byte lengths of the temporary file, so a restarted batch step truncates back to the last checkpoint and appends
 * again; with gzip, every checkpoint closes a gzip member so that the truncated file is still a valid gzip stream.
 */
package io.flatingest.infrastructure.flatfile.write;
