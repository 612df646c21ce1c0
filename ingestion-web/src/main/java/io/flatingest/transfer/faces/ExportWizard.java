package io.flatingest.transfer.faces;

import io.flatingest.catalog.boundary.CatalogService;
import io.flatingest.connection.boundary.ConnectionProfiles;
import io.flatingest.connection.boundary.ConnectionView;
import io.flatingest.infrastructure.clickhouse.Identifiers;
import io.flatingest.preview.boundary.PreviewService;
import io.flatingest.preview.boundary.RowsPreview;
import io.flatingest.security.boundary.Roles;
import io.flatingest.security.faces.RequireRole;
import io.flatingest.security.web.CurrentUser;
import io.flatingest.transfer.boundary.ExportCommand;
import io.flatingest.transfer.boundary.TransferService;
import io.flatingest.web.faces.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/**
 * The export wizard ({@code export.xhtml}, operators): connection → table or query → columns (checkboxes,
 * order) → filter → preview → format and dialect → start. Builds the same {@link ExportCommand} as the REST
 * API; every refusal of the planner is shown next to the field it concerns.
 */
@Named
@ViewScoped
@RequireRole(Roles.OPERATOR)
public class ExportWizard implements Serializable {

    private static final long serialVersionUID = 1L;
    static final List<String> STEPS = List.of("Source", "Columns", "Filter", "Preview", "Format");

    @Inject
    ConnectionProfiles connections;
    @Inject
    CatalogService catalog;
    @Inject
    PreviewService previews;
    @Inject
    TransferService transfers;
    @Inject
    CurrentUser currentUser;

    private int step = 1;
    private String connection = ConnectionProfiles.DEFAULT;
    private String mode = "table";
    private String database;
    private String table;
    private String query;
    private final List<ColumnChoice> columns = new ArrayList<>();
    private String filter;
    private Long limit;
    private List<String> previewColumns = List.of();
    private List<List<String>> previewRows = List.of();
    private String format = "CSV";
    private String delimiter = ",";
    private boolean header = true;
    private boolean quoteAll;
    private boolean gzip;
    private String lineEnding = "LF";
    private String nullToken;
    private String fileName;

    // ---- choices for the selection lists

    public List<String> getConnectionNames() {
        return connections.list().stream().map(ConnectionView::name).toList();
    }

    public List<String> getDatabases() {
        return safe(() -> catalog.databases(connection), "database");
    }

    public List<String> getTables() {
        if (database == null || database.isBlank()) {
            return List.of();
        }
        return safe(() -> catalog.tables(connection, database).stream().map(t -> t.name()).toList(), "table");
    }

    public List<String> getSteps() {
        return STEPS;
    }

    public boolean isQueryMode() {
        return "query".equals(mode);
    }

    // ---- navigation

    /** Checks the current step and moves to the next one. */
    public String next() {
        switch (step) {
            case 1 -> {
                if (!source()) {
                    return null;
                }
                step = isQueryMode() ? 4 : 2;
                if (isQueryMode()) {
                    preview();
                }
            }
            case 2 -> {
                if (chosen().isEmpty()) {
                    Messages.error("export:columns", "Choose at least one column.");
                    return null;
                }
                step = 3;
            }
            case 3 -> {
                if (preview()) {
                    step = 4;
                }
            }
            case 4 -> step = 5;
            default -> {
                return null;
            }
        }
        return null;
    }

    /** Goes back a step. */
    public String back() {
        step = step == 4 && isQueryMode() ? 1 : Math.max(1, step - 1);
        return null;
    }

    /** Starts the export and shows its job page. */
    public String start() {
        ExportCommand command;
        try {
            command = command();
            long id = transfers.startExport(command, currentUser.getName());
            Messages.info("Export " + id + " started.");
            return "job?faces-redirect=true&id=" + id;
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException e) {
            Messages.error(fieldOf(e.getMessage()), e.getMessage());
            Messages.failed();
            return null;
        }
    }

    /** Moves a column up in the file's order. */
    public void up(int index) {
        if (index > 0 && index < columns.size()) {
            Collections.swap(columns, index, index - 1);
        }
    }

    /** Moves a column down in the file's order. */
    public void down(int index) {
        if (index >= 0 && index < columns.size() - 1) {
            Collections.swap(columns, index, index + 1);
        }
    }

    /** Ticks or unticks every column. */
    public void selectAll(boolean selected) {
        columns.forEach(c -> c.setSelected(selected));
    }

    /** The database changed: forget the table. */
    public void databaseChanged() {
        table = null;
    }

    /** The connection changed: forget database and table. */
    public void connectionChanged() {
        database = null;
        table = null;
    }

    private boolean source() {
        if (isQueryMode()) {
            if (query == null || query.isBlank()) {
                Messages.error("export:query", "Enter a SELECT query.");
                return false;
            }
            return true;
        }
        if (database == null || database.isBlank()) {
            Messages.error("export:database", "Choose a database.");
            return false;
        }
        if (table == null || table.isBlank()) {
            Messages.error("export:table", "Choose a table.");
            return false;
        }
        try {
            List<ColumnChoice> loaded = catalog.columns(connection, database, table).stream()
                    .map(c -> new ColumnChoice(c.name(), c.typeText())).toList();
            boolean same = loaded.stream().map(ColumnChoice::getName).collect(Collectors.toSet())
                    .equals(columns.stream().map(ColumnChoice::getName).collect(Collectors.toSet()));
            if (!same) {
                columns.clear();
                columns.addAll(loaded);
            }
            return true;
        } catch (IllegalArgumentException | NoSuchElementException e) {
            Messages.error("export:table", e.getMessage());
            return false;
        }
    }

    private boolean preview() {
        try {
            RowsPreview p = isQueryMode() ? previews.previewQuery(connection, query, 20)
                    : previews.previewQuery(connection, previewSql(), 20);
            previewColumns = p.columns().stream().map(c -> c.name() + " " + c.type()).toList();
            previewRows = p.rows();
            return true;
        } catch (IllegalArgumentException | NoSuchElementException e) {
            Messages.error(isQueryMode() ? "export:query" : "export:filter", e.getMessage());
            return false;
        }
    }

    /** The preview's SELECT: the chosen columns in order, the filter; names quoted, the filter as typed. */
    private String previewSql() {
        String select = chosen().stream().map(Identifiers::quote).collect(Collectors.joining(", "));
        return "SELECT " + select + " FROM " + Identifiers.qualified(database, table)
                + (filter == null || filter.isBlank() ? "" : " WHERE (" + filter + ")");
    }

    List<String> chosen() {
        return columns.stream().filter(ColumnChoice::isSelected).map(ColumnChoice::getName).toList();
    }

    ExportCommand command() {
        ExportCommand.Source source = isQueryMode()
                ? new ExportCommand.Source(null, null, List.of(), null, limit, query, List.of())
                : new ExportCommand.Source(database, table, chosen(), filter, limit, null, List.of());
        Character sep = delimiter == null || delimiter.isEmpty() ? null
                : "\\t".equals(delimiter) || "tab".equalsIgnoreCase(delimiter) ? '\t' : delimiter.charAt(0);
        if (delimiter != null && delimiter.length() > 1 && sep != '\t') {
            throw new IllegalArgumentException("The delimiter is one character (or the word tab)");
        }
        ExportCommand.Output output = new ExportCommand.Output(format, "TSV".equals(format) ? null : sep, '"',
                quoteAll, header, nullToken == null || nullToken.isEmpty() ? null : nullToken, lineEnding, "UTF-8",
                false, gzip, fileName == null || fileName.isBlank() ? null : fileName.trim(), false, null, false,
                false, false);
        return new ExportCommand(connection, source, output, null);
    }

    /** Which input an error message is about, by what it names. */
    static String fieldOf(String message) {
        String m = message == null ? "" : message.toLowerCase();
        if (m.contains("file name") || m.contains("export directory") || m.contains("another export")) {
            return "export:fileName";
        }
        if (m.contains("delimiter") || m.contains("line ending") || m.contains("lineending")) {
            return "export:delimiter";
        }
        if (m.contains("filter")) {
            return "export:filter";
        }
        if (m.contains("query")) {
            return "export:query";
        }
        return null;
    }

    private <T> List<T> safe(java.util.function.Supplier<List<T>> list, String what) {
        try {
            return list.get();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    // ---- plain properties

    public int getStep() {
        return step;
    }

    public List<ColumnChoice> getColumns() {
        return columns;
    }

    public List<String> getPreviewColumns() {
        return previewColumns;
    }

    public List<List<String>> getPreviewRows() {
        return previewRows;
    }

    public String getConnection() {
        return connection;
    }

    public void setConnection(String connection) {
        this.connection = connection;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
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

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    public Long getLimit() {
        return limit;
    }

    public void setLimit(Long limit) {
        this.limit = limit;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getDelimiter() {
        return delimiter;
    }

    public void setDelimiter(String delimiter) {
        this.delimiter = delimiter;
    }

    public boolean isHeader() {
        return header;
    }

    public void setHeader(boolean header) {
        this.header = header;
    }

    public boolean isQuoteAll() {
        return quoteAll;
    }

    public void setQuoteAll(boolean quoteAll) {
        this.quoteAll = quoteAll;
    }

    public boolean isGzip() {
        return gzip;
    }

    public void setGzip(boolean gzip) {
        this.gzip = gzip;
    }

    public String getLineEnding() {
        return lineEnding;
    }

    public void setLineEnding(String lineEnding) {
        this.lineEnding = lineEnding;
    }

    public String getNullToken() {
        return nullToken;
    }

    public void setNullToken(String nullToken) {
        this.nullToken = nullToken;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }
}
