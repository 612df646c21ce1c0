package io.flatingest.catalog.faces;

import io.flatingest.catalog.boundary.CatalogService;
import io.flatingest.connection.boundary.ConnectionProfiles;
import io.flatingest.connection.boundary.ConnectionView;
import io.flatingest.infrastructure.clickhouse.ClickHouseTableCatalog.ColumnInfo;
import io.flatingest.infrastructure.clickhouse.ClickHouseTableCatalog.TableInfo;
import io.flatingest.preview.boundary.PreviewService;
import io.flatingest.preview.boundary.RowsPreview;
import io.flatingest.security.boundary.Roles;
import io.flatingest.security.faces.RequireRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.function.Supplier;

/**
 * The browse page ({@code browse.xhtml?connection=…&database=…&table=…}, operators): databases → tables →
 * columns with their types and the first rows. Every level is a bookmarkable link; a failure is shown where the
 * list would be.
 */
@Named
@RequestScoped
@RequireRole(Roles.OPERATOR)
public class CatalogBrowser {

    private static final int PREVIEW_ROWS = 20;

    @Inject
    CatalogService catalog;

    @Inject
    ConnectionProfiles connections;

    @Inject
    PreviewService previews;

    private String connection = ConnectionProfiles.DEFAULT;
    private String database;
    private String table;
    private String problem;
    private List<String> databases;
    private List<TableInfo> tables;
    private List<ColumnInfo> columns;
    private RowsPreview preview;

    public List<String> getConnectionNames() {
        return connections.list().stream().map(ConnectionView::name).toList();
    }

    public List<String> getDatabases() {
        if (databases == null) {
            databases = attempt(() -> catalog.databases(connection));
        }
        return databases;
    }

    public List<TableInfo> getTables() {
        if (tables == null) {
            tables = blank(database) ? List.of() : attempt(() -> catalog.tables(connection, database));
        }
        return tables;
    }

    public List<ColumnInfo> getColumns() {
        if (columns == null) {
            columns = blank(database) || blank(table) ? List.of() : attempt(() -> catalog.columns(connection, database,
                    table));
        }
        return columns;
    }

    public RowsPreview getPreview() {
        if (preview == null && !blank(database) && !blank(table) && !getColumns().isEmpty()) {
            try {
                preview = previews.previewTable(connection, database, table, PREVIEW_ROWS);
            } catch (RuntimeException e) {
                problem = "No preview: " + e.getMessage();
            }
        }
        return preview;
    }

    /** What went wrong reading the catalog, or null. */
    public String getProblem() {
        return problem;
    }

    private <T> List<T> attempt(Supplier<List<T>> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            problem = e.getMessage();
            return List.of();
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String getConnection() {
        return connection;
    }

    public void setConnection(String connection) {
        this.connection = blank(connection) ? ConnectionProfiles.DEFAULT : connection;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public String getTable() {
        return table;
    }

    public void setTable(String table) {
        this.table = table;
    }
}
