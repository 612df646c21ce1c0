package io.flatingest.connection.boundary;

import java.time.Instant;

/**
 * A connection profile as callers see it: everything but the password.
 *
 * @param name        the profile's name ({@code default} for the configured server)
 * @param host        host name or address
 * @param port        HTTP(S) port
 * @param database    default database
 * @param user        ClickHouse user
 * @param tls         HTTPS instead of HTTP
 * @param passwordSet whether a password is stored
 * @param builtIn     the read-only profile from configuration
 * @param updatedAt   last change (null for the built-in profile)
 */
public record ConnectionView(String name, String host, int port, String database, String user, boolean tls,
                             boolean passwordSet, boolean builtIn, Instant updatedAt) {
}
