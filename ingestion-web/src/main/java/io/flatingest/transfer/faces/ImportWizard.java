package io.flatingest.transfer.faces;

import io.flatingest.catalog.boundary.CatalogService;
import io.flatingest.connection.boundary.ConnectionProfiles;
import io.flatingest.connection.boundary.ConnectionView;
import io.flatingest.files.boundary.LandingFile;
import io.flatingest.files.boundary.LandingFiles;
import io.flatingest.infrastructure.clickhouse.type.ConversionOptions.MissingValues;
import io.flatingest.infrastructure.flatfile.Dialect;
import io.flatingest.infrastructure.flatfile.schema.ColumnProposal;
import io.flatingest.preview.boundary.FilePreview;
import io.flatingest.preview.boundary.FilePreviewQuery;
import io.flatingest.preview.boundary.PreviewService;
import io.flatingest.preview.boundary.SchemaProposal;
import io.flatingest.security.boundary.Roles;
import io.flatingest.security.faces.RequireRole;
import io.flatingest.security.web.CurrentUser;
import io.flatingest.transfer.boundary.ImportCommand;
import io.flatingest.transfer.boundary.ImportCommand.ColumnMapping;
import io.flatingest.transfer.boundary.ImportCommand.TableDefinition;
import io.flatingest.transfer.boundary.TransferService;
import io.flatingest.transfer.control.TableDdl;
import io.flatingest.web.faces.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The import wizard ({@code import.xhtml}, operators): a file (uploaded with a progress bar, or picked from the
 * landing directory) → its detected dialect, editable, with a live preview → the target: an existing table or a new
 * one with the proposed, editable definition and its CREATE TABLE → the column mapping → a check of the rows as the
 * import would convert them (cells it would reject, and why) with the error policy → start. Builds the same
 * {@link ImportCommand} as the REST API.
 */
@Named
@ViewScoped
@RequireRole(Roles.OPERATOR)
public class ImportWizard implements Serializable {

    private static final long serialVersionUID = 1L;
    static final List<String> STEPS = List.of("File", "Dialect", "Table", "Columns", "Check and start");
    static final int PREVIEW_ROWS = 50;

    @Inject
    LandingFiles landing;
    @Inject
    PreviewService previews;
    @Inject
    CatalogService catalog;
    @Inject
    ConnectionProfiles connections;
    @Inject
    TransferService transfers;
    @Inject
    CurrentUser currentUser;

    private int step = 1;
    private String connection = ConnectionProfiles.DEFAULT;
    private String file;
    private final DialectForm dialect = new DialectForm();
    private List<String> detectedReasons = List.of();
    private List<String> fileColumns = List.of();
    private PreviewTable preview;
    private String target = "new";
    private String database = "default";
    private String table;
    private final List<NewColumn> newColumns = new ArrayList<>();
    private String orderBy;
    private List<String> proposalNotes = List.of();
    private final List<ColumnChoice> mapping = new ArrayList<>();
    private List<String> tableColumns = List.of();
    private PreviewTable check;
    private String policy = "limit";
    private long maxRejected = 100;
    private String missingValues = MissingValues.REJECT.name();

    // ---- step 1: the file

    public List<LandingFile> getFiles() {
        return landing.list();
    }

    public long getMaxUploadBytes() {
        return landing.maxBytes();
    }

    /** Takes a landing file and detects its dialect. */
    public String choose(String name) {
        file = name;
        try {
            FilePreview p = previews.previewFile(new FilePreviewQuery(connection, file, null, null, null, null, null,
                    null, null, null, PREVIEW_ROWS));
            dialect.fill(p.dialect());
            detectedReasons = p.detected().reasons();
            showPreview(p);
            table = null;
            newColumns.clear();
            mapping.clear();
            step = 2;
        } catch (IllegalArgumentException | NoSuchElementException e) {
            Messages.error("file:files", e.getMessage());
        }
        return null;
    }

    /** Called by the page's script when an upload finished: takes the file it names. */
    public void uploaded() {
        String name = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("name");
        if (name != null) {
            choose(name);
        }
    }

    // ---- step 2: the dialect

    /** Re-reads the preview with the dialect as edited (ajax, on every change). */
    public void dialectChanged() {
        try {
            showPreview(previews.previewFile(new FilePreviewQuery(connection, file, dialect.toDialect(), null, null,
                    null, null, null, null, null, PREVIEW_ROWS)));
        } catch (IllegalArgumentException e) {
            preview = null;
            Messages.error(dialectField(e.getMessage()), e.getMessage());
        }
    }

    private void showPreview(FilePreview p) {
        preview = PreviewTable.of(p);
        fileColumns = p.header() != null ? p.header()
                : p.columns().stream().map(FilePreview.PreviewColumn::name).toList();
    }

    // ---- navigation

    /** Checks this step and goes to the next. */
    public String next() {
        try {
            switch (step) {
                case 2 -> {
                    dialect.toDialect();
                    if (preview == null) {
                        dialectChanged();
                        return null;
                    }
                    if (table == null) {
                        table = PreviewTableNames.fromFile(file);
                    }
                    if ("new".equals(target) && newColumns.isEmpty()) {
                        propose();
                    }
                    step = 3;
                }
                case 3 -> {
                    if (!targetReady()) {
                        return null;
                    }
                    buildMapping();
                    step = 4;
                }
                case 4 -> {
                    if (mappings().isEmpty()) {
                        Messages.error("import:mapping", "Map at least one file column to a table column.");
                        return null;
                    }
                    runCheck();
                    step = 5;
                }
                default -> {
                    return null;
                }
            }
        } catch (IllegalArgumentException | NoSuchElementException e) {
            Messages.error(fieldOf(e.getMessage()), e.getMessage());
            Messages.failed();
        }
        return null;
    }

    public String back() {
        step = Math.max(1, step - 1);
        return null;
    }

    /** Proposes a new table's columns from a sample of the file. */
    public String propose() {
        try {
            SchemaProposal p = previews.proposeSchema(connection, file, dialect.toDialect(), database, table, null);
            newColumns.clear();
            for (ColumnProposal c : p.proposal().columns()) {
                newColumns.add(new NewColumn(c.name(), c.type(), c.sourceName(), c.reason()));
            }
            orderBy = p.proposal().orderBy();
            proposalNotes = p.proposal().notes();
        } catch (IllegalArgumentException | NoSuchElementException e) {
            Messages.error(fieldOf(e.getMessage()), e.getMessage());
        }
        return null;
    }

    /** The CREATE TABLE the import will run for the new table, as edited. */
    public String getDdl() {
        if (!"new".equals(target) || newColumns.isEmpty()) {
            return "";
        }
        try {
            return TableDdl.createTable(database, table, definition());
        } catch (RuntimeException e) {
            return "-- " + e.getMessage();
        }
    }

    private boolean targetReady() {
        if (table == null || table.isBlank()) {
            Messages.error("new".equals(target) ? "import:table" : "import:tableChoice", "Enter or choose a table.");
            return false;
        }
        if ("new".equals(target)) {
            if (newColumns.isEmpty()) {
                propose();
                return false;
            }
            definition();
            tableColumns = newColumns.stream().map(NewColumn::getName).toList();
        } else {
            tableColumns = catalog.columns(connection, database, table).stream().filter(c -> c.insertable())
                    .map(c -> c.name()).toList();
        }
        return true;
    }

    private void buildMapping() {
        mapping.clear();
        for (int i = 0; i < fileColumns.size(); i++) {
            String source = fileColumns.get(i);
            ColumnChoice c = new ColumnChoice(source, "");
            String to = null;
            if ("new".equals(target)) {
                String position = Integer.toString(i + 1);
                to = newColumns.stream().filter(n -> source.equals(n.getSource()) || position.equals(n.getSource()))
                        .map(NewColumn::getName).findFirst().orElse(null);
            }
            if (to == null) {
                to = tableColumns.stream().filter(t -> t.equalsIgnoreCase(source)).findFirst().orElse(null);
            }
            c.setTarget(to == null ? "" : to);
            c.setSelected(to != null);
            mapping.add(c);
        }
    }

    private void runCheck() {
        FilePreview p = previews.previewFile(new FilePreviewQuery(connection, file, dialect.toDialect(), database,
                table, mappings(), "new".equals(target) ? definition() : null, MissingValues.valueOf(missingValues),
                null, null, PreviewService.MAX_ROWS));
        check = PreviewTable.of(p);
    }

    /** Re-checks the rows (the missing-values option changed). */
    public String recheck() {
        try {
            runCheck();
        } catch (IllegalArgumentException | NoSuchElementException e) {
            Messages.error(fieldOf(e.getMessage()), e.getMessage());
        }
        return null;
    }

    /** Starts the import and shows its job page. */
    public String start() {
        try {
            long id = transfers.startImport(command(), currentUser.getName());
            Messages.info("Import " + id + " started.");
            return "job?faces-redirect=true&id=" + id;
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException e) {
            Messages.error(fieldOf(e.getMessage()), e.getMessage());
            Messages.failed();
            return null;
        }
    }

    ImportCommand command() {
        ImportCommand.ErrorPolicy errors = switch (policy) {
            case "fail" -> ImportCommand.ErrorPolicy.FAIL_ON_FIRST;
            case "skip" -> ImportCommand.ErrorPolicy.skipAll();
            default -> new ImportCommand.ErrorPolicy(maxRejected, -1);
        };
        return new ImportCommand(connection, file, dialect.toDialect(), database, table, mappings(),
                "new".equals(target) ? definition() : null, errors, MissingValues.valueOf(missingValues), null, null,
                null);
    }

    List<ColumnMapping> mappings() {
        List<ColumnMapping> result = new ArrayList<>();
        for (int i = 0; i < mapping.size(); i++) {
            ColumnChoice c = mapping.get(i);
            if (c.isSelected() && c.getTarget() != null && !c.getTarget().isBlank()) {
                result.add(dialect.isHeader() ? ColumnMapping.byName(c.getName(), c.getTarget())
                        : ColumnMapping.byPosition(i + 1, c.getTarget()));
            }
        }
        return result;
    }

    TableDefinition definition() {
        List<ImportCommand.ColumnDefinition> columns = newColumns.stream()
                .map(c -> new ImportCommand.ColumnDefinition(c.getName(), c.getType())).toList();
        List<String> order = orderBy == null || orderBy.isBlank() || "tuple()".equals(orderBy.trim()) ? List.of()
                : Arrays.stream(orderBy.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new TableDefinition(columns, order, null);
    }

    static String dialectField(String message) {
        String m = message == null ? "" : message.toLowerCase();
        for (String field : List.of("delimiter", "quote", "escape", "encoding", "skiplines")) {
            if (m.contains(field)) {
                return "import:" + (field.equals("skiplines") ? "skipLines" : field);
            }
        }
        return "import:format";
    }

    /** Which input an error message is about, by what it names. */
    String fieldOf(String message) {
        String m = message == null ? "" : message.toLowerCase();
        if (m.startsWith("dialect") || m.contains("delimiter") || m.contains("quote")) {
            return dialectField(message);
        }
        if (m.contains("order by") || m.contains("orderby")) {
            return "import:orderBy";
        }
        if (m.contains("database")) {
            return "import:database";
        }
        if (m.contains("mapped") || m.contains("file column") || m.contains("table column")) {
            return "import:mapping";
        }
        if (m.contains("type") || m.contains("column")) {
            return step == 3 ? "import:newColumns" : "import:mapping";
        }
        if (m.contains("table")) {
            return "new".equals(target) ? "import:table" : "import:tableChoice";
        }
        return null;
    }

    // ---- lists for the page

    public List<String> getSteps() {
        return STEPS;
    }

    public List<String> getConnectionNames() {
        return connections.list().stream().map(ConnectionView::name).toList();
    }

    public List<String> getDatabases() {
        try {
            return catalog.databases(connection);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    public List<String> getTables() {
        try {
            return catalog.tables(connection, database).stream().map(t -> t.name()).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    public List<String> getTableColumns() {
        return tableColumns;
    }

    public String[] getMissingValueChoices() {
        return Arrays.stream(MissingValues.values()).map(Enum::name).toArray(String[]::new);
    }

    public String[] getEscapes() {
        return Arrays.stream(Dialect.EscapeMode.values()).map(Enum::name).toArray(String[]::new);
    }

    /** The target changed between existing and new: forget the table name if it came from the other list. */
    public void targetChanged() {
        if ("new".equals(target)) {
            table = PreviewTableNames.fromFile(file);
        } else {
            table = null;
        }
    }

    // ---- plain properties

    public int getStep() {
        return step;
    }

    public String getConnection() {
        return connection;
    }

    public void setConnection(String connection) {
        this.connection = connection;
    }

    public String getFile() {
        return file;
    }

    public DialectForm getDialect() {
        return dialect;
    }

    public List<String> getDetectedReasons() {
        return detectedReasons;
    }

    public PreviewTable getPreview() {
        return preview;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
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

    public List<NewColumn> getNewColumns() {
        return newColumns;
    }

    public String getOrderBy() {
        return orderBy;
    }

    public void setOrderBy(String orderBy) {
        this.orderBy = orderBy;
    }

    public List<String> getProposalNotes() {
        return proposalNotes;
    }

    public List<ColumnChoice> getMapping() {
        return mapping;
    }

    public PreviewTable getCheck() {
        return check;
    }

    public String getPolicy() {
        return policy;
    }

    public void setPolicy(String policy) {
        this.policy = policy;
    }

    public long getMaxRejected() {
        return maxRejected;
    }

    public void setMaxRejected(long maxRejected) {
        this.maxRejected = maxRejected;
    }

    public String getMissingValues() {
        return missingValues;
    }

    public void setMissingValues(String missingValues) {
        this.missingValues = missingValues;
    }
}
