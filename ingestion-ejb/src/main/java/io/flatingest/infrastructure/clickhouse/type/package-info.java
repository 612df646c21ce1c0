/**
 * The ClickHouse type system as this application sees it: type text parsed into a tree, the exact conversion of
 * flat-file text into each type (import) and of each type into flat-file text (export), and the RowBinary
 * encoding both directions travel in.
 */
package io.flatingest.infrastructure.clickhouse.type;
