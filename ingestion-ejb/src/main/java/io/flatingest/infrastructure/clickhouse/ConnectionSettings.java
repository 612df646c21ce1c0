package io.flatingest.infrastructure.clickhouse;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one ClickHouse server over HTTP(S). The password is kept out of {@link #toString()}.
 *
 * @param url            base URL, e.g. {@code http://127.0.0.1:8123} or {@code https://host:8443}
 * @param user           user name
 * @param password       password (may be empty)
 * @param database       default database
 * @param compression    whether to compress requests and responses (off for ClickHouse 18.16, which the
 *                       official client cannot read compressed responses from)
 * @param connectTimeout time to establish a connection
 * @param socketTimeout  longest silence on an open connection (covers long INSERT … SELECT and ALTER statements)
 * @param maxConnections connection pool size shared by all jobs using these settings
 */
public record ConnectionSettings(String url, String user, String password, String database, boolean compression,
                                 Duration connectTimeout, Duration socketTimeout, int maxConnections) {

    public ConnectionSettings {
        Objects.requireNonNull(url, "url");
        URI uri = URI.create(url);
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("ClickHouse URL must be http(s)://host:port, got: " + url);
        }
        user = user == null || user.isBlank() ? "default" : user;
        password = password == null ? "" : password;
        database = database == null || database.isBlank() ? "default" : database;
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(socketTimeout, "socketTimeout");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive");
        }
    }

    @Override
    public String toString() {
        return "ConnectionSettings[url=" + url + ", user=" + user + ", database=" + database
                + ", compression=" + compression + "]";
    }
}
