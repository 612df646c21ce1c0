package io.flatingest.connection.boundary;

/**
 * The answer to "does this profile reach its server?".
 *
 * @param reachable     whether ClickHouse answered a query
 * @param serverVersion its {@code version()}, when it answered
 * @param error         why not, when it did not (ClickHouse's own message; never the password)
 */
public record ConnectionCheck(boolean reachable, String serverVersion, String error) {
}
