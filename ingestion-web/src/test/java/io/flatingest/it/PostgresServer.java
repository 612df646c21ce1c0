package io.flatingest.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The real PostgreSQL server of the test run: the one {@code scripts/test.sh} started ({@code POSTGRES_HOST},
 * {@code POSTGRES_PORT}, {@code POSTGRES_USER}, {@code POSTGRES_PASSWORD}), or else one this JVM starts with
 * {@code scripts/postgres.sh} under {@code target/postgres} and stops when it exits. Each test gets a database of
 * its own.
 */
public final class PostgresServer {

    private static PostgresServer shared;

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private PostgresServer(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** The run's server, started on first use when the environment names none. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            String host = System.getenv("POSTGRES_HOST");
            shared = host == null || host.isBlank() ? startOwn()
                    : new PostgresServer(host, Integer.parseInt(System.getenv("POSTGRES_PORT")),
                            System.getenv("POSTGRES_USER"), System.getenv("POSTGRES_PASSWORD"));
        }
        return shared;
    }

    /** Creates a new, empty database owned by the application's user. */
    public PostgresDatabase createDatabase(String prefix) {
        String name = prefix + "_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/flatingest",
                user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on " + host + ":" + port, e);
        }
        return new PostgresDatabase(host, port, name, user, password);
    }

    private static PostgresServer startOwn() {
        Path dir = TestEnvironment.itDirectory().getParent().resolve("postgres");
        Path script = Path.of(System.getProperty("flatingest.scripts", "../scripts")).resolve("postgres.sh");
        Map<String, String> env = new HashMap<>();
        try {
            Process p = new ProcessBuilder("bash", script.toString(), "start", dir.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("postgres.sh start failed:\n" + out);
            }
            out.lines().filter(l -> l.contains("=")).forEach(l -> env.put(l.substring(0, l.indexOf('=')),
                    l.substring(l.indexOf('=') + 1)));
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                new ProcessBuilder("bash", script.toString(), "stop", dir.toString()).inheritIO().start().waitFor();
            } catch (IOException | InterruptedException e) {
                // the JVM is exiting; the directory is under target/ and goes with the next clean
            }
        }));
        System.out.println("Started PostgreSQL " + env.get("POSTGRES_VERSION") + " for this test JVM on port "
                + env.get("POSTGRES_PORT"));
        return new PostgresServer(env.get("POSTGRES_HOST"), Integer.parseInt(env.get("POSTGRES_PORT")),
                env.get("POSTGRES_USER"), env.get("POSTGRES_PASSWORD"));
    }
}
