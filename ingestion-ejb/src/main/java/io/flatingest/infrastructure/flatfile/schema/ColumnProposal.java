package io.flatingest.infrastructure.flatfile.schema;

/**
 * A proposed column.
 *
 * @param name       a ClickHouse identifier: letters, digits and underscores, not starting with a digit, unique
 * @param sourceName the header name it comes from, or null without a header
 * @param type       the full ClickHouse type, Nullable and LowCardinality included, e.g. {@code Nullable(Int64)}
 * @param nullable   whether nulls (or, for non-text types, empty values) were seen
 * @param reason     why this type, in one line
 */
public record ColumnProposal(String name, String sourceName, String type, boolean nullable, String reason) {
}
