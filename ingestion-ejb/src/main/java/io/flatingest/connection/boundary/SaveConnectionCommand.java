package io.flatingest.connection.boundary;

import io.flatingest.infrastructure.clickhouse.Identifiers;
import java.util.regex.Pattern;

/**
 * Creates or replaces a connection profile.
 *
 * @param name     1..64 letters, digits, {@code _} or {@code -}; not {@code default}
 * @param host     host name, IPv4 address or bracketed IPv6 address
 * @param port     1..65535 (ClickHouse's HTTP port, usually 8123, or 8443 with TLS)
 * @param database default database
 * @param user     ClickHouse user
 * @param password the password; null keeps the stored one (when replacing), empty means none
 * @param tls      connect with HTTPS
 */
public record SaveConnectionCommand(String name, String host, int port, String database, String user,
                                    String password, boolean tls) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}]");

    public SaveConnectionCommand {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A connection name has 1 to 64 letters, digits, '_' or '-'");
        }
        if (host == null || !HOST.matcher(host.trim()).matches()) {
            throw new IllegalArgumentException("host must be a host name or an IP address, got: " + host);
        }
        host = host.trim();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
        }
        database = database == null || database.isBlank() ? "default" : database.trim();
        Identifiers.requireValid("database", database);
        user = user == null || user.isBlank() ? "default" : user.trim();
        if (user.length() > 128) {
            throw new IllegalArgumentException("user may have at most 128 characters");
        }
        if (password != null && password.length() > 1024) {
            throw new IllegalArgumentException("password may have at most 1024 characters");
        }
    }

    @Override
    public String toString() {
        return "SaveConnectionCommand[name=" + name + ", host=" + host + ", port=" + port + ", database=" + database
                + ", user=" + user + ", tls=" + tls + ", password=" + (password == null ? "unchanged" : "given") + "]";
    }
}
