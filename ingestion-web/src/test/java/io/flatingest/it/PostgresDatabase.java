package io.flatingest.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** One PostgreSQL database on the tests' {@link PostgresServer}, with the credentials the application gets. */
public record PostgresDatabase(String host, int port, String name, String user, String password) {

    /** The JDBC URL, for the test's own look into the database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** A new connection as the application's user. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /**
     * The settings {@code scripts/payara-server.sh} and {@code scripts/run.sh} read for a PostgreSQL database
     * ({@code FLATINGEST_DB=postgresql}, {@code FLATINGEST_DB_HOST}, …).
     */
    public Map<String, String> settings() {
        return Map.of("FLATINGEST_DB", "postgresql", "FLATINGEST_DB_HOST", host,
                "FLATINGEST_DB_PORT", Integer.toString(port), "FLATINGEST_DB_NAME", name, "FLATINGEST_DB_USER", user,
                "FLATINGEST_DB_PASSWORD", password);
    }
}
