/**
 * ClickHouse access behind a small synchronous API of our own: the shared official client (one per connection
 * profile, built in one place), the catalog, identifier quoting, server-version feature gates, and translation of
 * the client's exceptions into {@link io.flatingest.infrastructure.clickhouse.ClickHouseAccessException}. No
 * {@code com.clickhouse} type crosses this package's public signatures.
 */
package io.flatingest.infrastructure.clickhouse;
