package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * Where the integration tests find what the build prepared: the real ClickHouse started by
 * {@code scripts/test.sh} ({@code CLICKHOUSE_URL}), the Payara Micro jar, the self-contained WAR.
 */
public final class TestEnvironment {

    private TestEnvironment() {
    }

    /** The HTTP URL of the build's ClickHouse. Fails the test loudly when missing. */
    public static String clickHouseUrl() {
        String url = System.getenv("CLICKHOUSE_URL");
        if (url == null || url.isBlank()) {
            url = System.getenv("FLATINGEST_CLICKHOUSE_URL");
        }
        if (url == null || url.isBlank()) {
            fail("CLICKHOUSE_URL is not set: run the tests with scripts/test.sh");
        }
        return url;
    }

    /** The Payara Micro jar copied by the build. */
    public static Path microJar() {
        return Path.of(required("payara.microJar"));
    }

    /** The PostgreSQL JDBC driver copied by the build (Micro's {@code --addlibs}). */
    public static Path postgresqlJar() {
        return Path.of(required("flatingest.postgresqlJar"));
    }

    /** The self-contained WAR for Payara Micro. */
    public static Path war() {
        return Path.of(required("flatingest.war"));
    }

    /** A directory for this test run's files (under target/it). */
    public static Path itDirectory() {
        return Path.of(required("flatingest.it.dir"));
    }

    /** A TCP port that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            fail("System property " + property + " is not set: run the integration tests through Maven");
        }
        return value;
    }
}
