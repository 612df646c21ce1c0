package io.flatingest.infrastructure.clickhouse;

import com.clickhouse.client.api.Client;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place that builds official ClickHouse clients: one shared, thread-safe client per distinct set of
 * connection settings, closed when the application stops. The default connection comes from MicroProfile Config
 * ({@code flatingest.clickhouse.*}, or the environment variables {@code FLATINGEST_CLICKHOUSE_*}).
 */
@ApplicationScoped
public class ClickHouseClients {

    private static final Logger LOG = Logger.getLogger(ClickHouseClients.class.getName());

    private final Map<ConnectionSettings, ClickHouseGateway> gateways = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "flatingest.clickhouse.url", defaultValue = "http://localhost:8123")
    String url;

    @Inject
    @ConfigProperty(name = "flatingest.clickhouse.user", defaultValue = "default")
    String user;

    @Inject
    @ConfigProperty(name = "flatingest.clickhouse.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "flatingest.clickhouse.database", defaultValue = "default")
    String database;

    @Inject
    @ConfigProperty(name = "flatingest.clickhouse.compression", defaultValue = "false")
    boolean compression;

    @Inject
    @ConfigProperty(name = "flatingest.clickhouse.connect-timeout", defaultValue = "PT10S")
    Duration connectTimeout;

    @Inject
    @ConfigProperty(name = "flatingest.clickhouse.socket-timeout", defaultValue = "PT10M")
    Duration socketTimeout;

    @Inject
    @ConfigProperty(name = "flatingest.clickhouse.max-connections", defaultValue = "32")
    int maxConnections;

    /** The connection configured for the application (the "default" connection profile). */
    public ConnectionSettings defaultSettings() {
        return new ConnectionSettings(url, user, password.orElse(""), database, compression, connectTimeout, socketTimeout,
                maxConnections);
    }

    /** The shared gateway for the configured default connection. */
    public ClickHouseGateway defaultGateway() {
        return gateway(defaultSettings());
    }

    /** The shared gateway for the given settings, built on first use. */
    public ClickHouseGateway gateway(ConnectionSettings settings) {
        return gateways.computeIfAbsent(settings, ClickHouseClients::build);
    }

    /** Closes and forgets the client for these settings (after a connection profile changed). */
    public void evict(ConnectionSettings settings) {
        ClickHouseGateway gateway = gateways.remove(settings);
        if (gateway != null) {
            gateway.close();
        }
    }

    static ClickHouseGateway build(ConnectionSettings s) {
        LOG.info(() -> "Connecting to ClickHouse: " + s);
        Client client = new Client.Builder()
                .addEndpoint(s.url())
                .setUsername(s.user())
                .setPassword(s.password())
                .setDefaultDatabase(s.database())
                .compressServerResponse(s.compression())
                .compressClientRequest(s.compression())
                .setConnectTimeout(s.connectTimeout().toMillis(), ChronoUnit.MILLIS)
                .setSocketTimeout(s.socketTimeout().toMillis(), ChronoUnit.MILLIS)
                .setMaxConnections(s.maxConnections())
                .setClientName("flatingest")
                .setMaxRetries(0) // retries are the job's business: a blind retry of an INSERT may duplicate rows
                .build();
        return new ClickHouseGateway(client, s);
    }

    @PreDestroy
    void closeAll() {
        gateways.values().forEach(ClickHouseGateway::close);
        gateways.clear();
    }
}
