/**
 * Looking before importing or exporting: a file's detected dialect and its first rows converted into the target
 * table's types (with the rows the import would reject and why), a table's or query's first rows, and the proposed
 * CREATE TABLE for a file. Everything reuses the import's reader, planner and converters.
 */
package io.flatingest.preview;
