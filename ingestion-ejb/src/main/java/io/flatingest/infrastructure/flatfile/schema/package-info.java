/**
 * Proposing a ClickHouse table for a flat file: column names from the header, types from a sample of values by rules
 * that never change a value (leading zeros stay text, numbers only get exact types), Nullable where values were
 * missing, and a default ORDER BY.
 */
package io.flatingest.infrastructure.flatfile.schema;
