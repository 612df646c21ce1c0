package io.flatingest.catalog.boundary;

import io.flatingest.connection.boundary.ConnectionProfiles;
import io.flatingest.infrastructure.clickhouse.ClickHouseClients;
import io.flatingest.infrastructure.clickhouse.ClickHouseGateway;
import io.flatingest.infrastructure.clickhouse.ClickHouseTableCatalog;
import io.flatingest.infrastructure.clickhouse.ClickHouseTableCatalog.ColumnInfo;
import io.flatingest.infrastructure.clickhouse.ClickHouseTableCatalog.TableInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.NoSuchElementException;

/** What a ClickHouse connection holds, for the console and the REST API. */
@ApplicationScoped
public class CatalogService {

    /** The connection configured by the application's settings. */
    public static final String DEFAULT_CONNECTION = ConnectionProfiles.DEFAULT;

    @Inject
    ClickHouseClients clients;

    @Inject
    ConnectionProfiles profiles;

    /** Databases of a connection. */
    public List<String> databases(String connection) {
        return catalog(connection).databases();
    }

    /** Tables of a database. */
    public List<TableInfo> tables(String connection, String database) {
        return catalog(connection).tables(database);
    }

    /** Columns of a table; NoSuchElementException when the table does not exist. */
    public List<ColumnInfo> columns(String connection, String database, String table) {
        List<ColumnInfo> columns = catalog(connection).columns(database, table);
        if (columns.isEmpty()) {
            throw new NoSuchElementException("Table " + database + "." + table + " does not exist");
        }
        return columns;
    }

    /** The catalog of a connection. */
    public ClickHouseTableCatalog catalog(String connection) {
        return new ClickHouseTableCatalog(gateway(connection));
    }

    /** The shared gateway of a connection; NoSuchElementException for an unknown name. */
    public ClickHouseGateway gateway(String connection) {
        return clients.gateway(profiles.settings(connection));
    }
}
