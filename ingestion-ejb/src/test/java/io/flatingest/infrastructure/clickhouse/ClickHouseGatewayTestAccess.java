package io.flatingest.infrastructure.clickhouse;

import io.flatingest.testsupport.TestClickHouse;
import java.time.Duration;

/** Builds a gateway to the build's ClickHouse for integration tests outside this package. */
public final class ClickHouseGatewayTestAccess {

    private ClickHouseGatewayTestAccess() {
    }

    /** A new gateway (close it after use). */
    public static ClickHouseGateway connect() {
        return ClickHouseClients.build(new ConnectionSettings(TestClickHouse.url(), "default", "", "default", false,
                Duration.ofSeconds(5), Duration.ofMinutes(2), 8));
    }
}
