package io.flatingest.infrastructure.clickhouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flatingest.testsupport.TestClickHouse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway against the real ClickHouse of the build. */
class ClickHouseGatewayIT {

    private static ClickHouseGateway gateway;

    @BeforeAll
    static void connect() {
        gateway = ClickHouseClients.build(settings(TestClickHouse.url()));
        gateway.execute("CREATE DATABASE IF NOT EXISTS gateway_it");
    }

    @AfterAll
    static void close() {
        gateway.execute("DROP DATABASE IF EXISTS gateway_it");
        gateway.close();
    }

    static ConnectionSettings settings(String url) {
        return new ConnectionSettings(url, "default", "", "default", false, Duration.ofSeconds(2),
                Duration.ofSeconds(30), 4);
    }

    @Test
    void knowsTheServer() {
        ServerInfo info = gateway.serverInfo();
        assertTrue(info.major() >= 18, info.version());
        assertTrue(gateway.ping());
    }

    @Test
    void insertsRowBinaryIntoListedColumnsAndOthersTakeDefaults() {
        gateway.execute("CREATE TABLE gateway_it.`odd name` (id UInt32, `my col` String, d String DEFAULT 'dflt')"
                + " ENGINE = MergeTree ORDER BY id");
        gateway.insert("gateway_it", "odd name", List.of("id", "my col"), "RowBinary", out -> {
            out.write(new byte[] {7, 0, 0, 0, 3, 'a', '\t', 'b'});
        }, Map.of(), null);
        List<String[]> rows = gateway.queryRows("SELECT id, `my col`, d, NULL FROM gateway_it.`odd name`", Map.of());
        assertEquals(1, rows.size());
        assertArrayEquals(new String[] {"7", "a\tb", "dflt", null}, rows.get(0));
    }

    @Test
    void streamsQueryResults() throws Exception {
        try (ClickHouseGateway.QueryStream stream = gateway.openQuery("SELECT toUInt16(number) FROM system.numbers LIMIT 3",
                "RowBinary", Map.of(), null)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            stream.body().transferTo(bytes);
            assertArrayEquals(new byte[] {0, 0, 1, 0, 2, 0}, bytes.toByteArray());
        }
    }

    @Test
    void explainsServerErrorsInWords() {
        ClickHouseAccessException e = assertThrows(ClickHouseAccessException.class,
                () -> gateway.queryRows("SELECT * FROM gateway_it.no_such_table", Map.of()));
        assertEquals(60, e.code());
        assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());
        assertFalse(e.getMessage().contains("e.what()"), e.getMessage());
        assertFalse(e.isTransient());
    }

    @Test
    void explainsAnUnreachableServer() {
        try (ClickHouseGateway nowhere = ClickHouseClients.build(settings("http://127.0.0.1:1"))) {
            assertFalse(nowhere.ping());
            ClickHouseAccessException e = assertThrows(ClickHouseAccessException.class,
                    () -> nowhere.execute("SELECT 1"));
            assertTrue(e.isTransient());
            assertTrue(e.getMessage().contains("not reachable") || e.getMessage().contains("failed"), e.getMessage());
            assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
        }
    }

    @Test
    void passesSettingsAndQueryIds() {
        List<String[]> rows = gateway.queryRows("SELECT value = '3' FROM system.settings WHERE name = 'max_threads'", Map.of("max_threads", "3"));
        assertEquals("1", rows.get(0)[0]);
        assertNull(gateway.queryValue("SELECT 1 WHERE 0"));
        assertEquals("x", new String("x".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
}
