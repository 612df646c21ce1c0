package io.flatingest.health;

import io.flatingest.infrastructure.clickhouse.ClickHouseAccessException;
import io.flatingest.infrastructure.clickhouse.ClickHouseClients;
import io.flatingest.infrastructure.clickhouse.ClickHouseGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the default ClickHouse connection answers; reports its URL and server version. */
@Readiness
@ApplicationScoped
public class ClickHouseHealthCheck implements HealthCheck {

    @Inject
    ClickHouseClients clients;

    @Override
    public HealthCheckResponse call() {
        ClickHouseGateway gateway = clients.defaultGateway();
        var builder = HealthCheckResponse.named("clickhouse").withData("url", gateway.settings().url());
        try {
            return builder.withData("version", gateway.serverInfo().version()).up().build();
        } catch (ClickHouseAccessException e) {
            return builder.withData("error", e.getMessage()).down().build();
        }
    }
}
