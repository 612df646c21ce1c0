/** Browsing ClickHouse: databases, tables with engine and size, and columns with their types, per connection. */
package io.flatingest.catalog;
