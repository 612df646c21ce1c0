/**
 * ClickHouse connection profiles: named servers (host, port, database, user, password, TLS) that imports, exports
 * and the catalog refer to by name. The profile {@code default} is built in and read-only: it is the server
 * configured with {@code flatingest.clickhouse.*}. Passwords are stored encrypted and never leave the boundary.
 */
package io.flatingest.connection;
