package io.flatingest.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Where the real ClickHouse of the build runs. {@code scripts/test.sh} starts a throwaway server and exports
 * {@code CLICKHOUSE_URL}; an integration test without it fails loudly instead of skipping silently.
 */
public final class TestClickHouse {

    private TestClickHouse() {
    }

    /** The HTTP URL of the test server, e.g. {@code http://127.0.0.1:34567}. */
    public static String url() {
        String url = System.getenv("CLICKHOUSE_URL");
        if (url == null || url.isBlank()) {
            url = System.getProperty("clickhouse.url");
        }
        if (url == null || url.isBlank()) {
            fail("CLICKHOUSE_URL is not set: run the tests with scripts/test.sh, or start a server with "
                    + "scripts/clickhouse.sh start and export CLICKHOUSE_URL");
        }
        return url;
    }
}
