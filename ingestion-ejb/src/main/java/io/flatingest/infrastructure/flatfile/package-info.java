/**
 * Flat-file access: dialects (CSV/TSV options), byte-exact record splitting with offsets for checkpoints and
 * partitions, field parsing with opencsv, dialect detection, schema inference, gzip and charset handling, and the
 * confinement of every user-supplied path to the landing and export directories.
 */
package io.flatingest.infrastructure.flatfile;
