package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console in headless Chromium against the shared Payara Micro and the real ClickHouse: an operator imports a
 * file with bad rows through the whole wizard (upload, dialect, new table with an edited type, mapping, check, start),
 * exports a column subset with a filter and downloads the file, restarts a failed import; a viewer is offered no
 * operator action and is refused by the server. Screenshots of every page: target/screenshots/&lt;test&gt;/.
 */
@ExtendWith({SharedMicro.class, NoSecretsLeaked.class})
class ConsoleIT {

    private static final String DB = "console_it";
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000);
    private static final Duration JOB = Duration.ofMinutes(3);

    private static MicroServer micro;
    private static ApiClient admin;
    private static String operatorName;
    private static String operatorPassword;
    private static String viewerName;
    private static String viewerPassword;

    @BeforeAll
    static void setUp(MicroServer server) {
        micro = server;
        admin = ApiClient.asAdmin(server.baseUrl());
        ClickHouseQueries.run("CREATE DATABASE IF NOT EXISTS " + DB);
        operatorName = "console-op-" + RUN;
        operatorPassword = TestSecurity.secret("Console-op-pw-" + RUN);
        viewerName = "console-viewer-" + RUN;
        viewerPassword = TestSecurity.secret("Console-viewer-pw-" + RUN);
        createUser(operatorName, operatorPassword, "operator");
        createUser(viewerName, viewerPassword, "viewer");
    }

    private static void createUser(String name, String password, String role) {
        HttpResponse<String> r = admin.postJson("/api/users", "{\"username\":\"" + name + "\",\"password\":\""
                + password + "\",\"role\":\"" + role + "\"}");
        assertEquals(201, r.statusCode(), r.body());
    }

    private static ConsoleBrowser browser(TestInfo test) {
        return new ConsoleBrowser(micro.baseUrl(), test.getTestMethod().orElseThrow().getName());
    }

    private static String awaitStatus(ConsoleBrowser b, String... finals) {
        List<String> wanted = List.of(finals);
        b.find(By.id("job-status")); // the job page, not an error page: fail fast otherwise
        return b.waitFor(d -> {
            String s = d.findElement(By.id("job-status")).getText();
            return wanted.contains(s) ? s : null;
        }, JOB);
    }

    @Test
    void anOperatorImportsAFileWithAFewBadRowsThroughTheWholeWizard(TestInfo test) throws IOException {
        String name = "people-" + RUN + ".csv";
        Path local = Files.createTempDirectory(TestEnvironment.itDirectory(), "upload-").resolve(name);
        Files.writeString(local, "id,name,amount\n1,alpha,1.5\n2,beta,x\n3,gamma,3.25\n4,delta,oops\n5,epsilon,5\n");
        String table = "people_" + RUN;
        try (ConsoleBrowser b = browser(test)) {
            b.login(operatorName, operatorPassword);
            b.shot("dashboard");
            b.clickAndLoad(By.id("quick-import"));
            b.find(By.id("upload-file")).sendKeys(local.toString());
            b.shot("file-chosen");
            b.click(By.id("upload-start"));
            b.waitFor(ExpectedConditions.textToBe(By.id("chosen-file"), name));
            assertEquals("100", b.driver().findElements(By.id("upload-progress")).isEmpty() ? "100"
                    : b.find(By.id("upload-progress")).getAttribute("value"));

            // step 2: the detected dialect, and a live preview that follows an edit
            assertEquals(",", b.find(By.id("import:delimiter")).getAttribute("value"));
            assertEquals(5, b.driver().findElements(By.cssSelector("#file-preview tbody tr")).size());
            assertEquals(4, b.driver().findElements(By.cssSelector("#file-preview thead th")).size(),
                    "line + 3 columns");
            b.shot("dialect-detected");
            WebElement before = b.find(By.id("file-preview"));
            b.type(By.id("import:delimiter"), ";");
            b.find(By.id("import:delimiter")).sendKeys(Keys.TAB);
            b.waitFor(ConsoleBrowser.gone(before));
            b.waitFor(d -> d.findElements(By.cssSelector("#file-preview thead th")).size() == 2);
            b.shot("dialect-edited-semicolon");
            before = b.find(By.id("file-preview"));
            b.type(By.id("import:delimiter"), ",");
            b.find(By.id("import:delimiter")).sendKeys(Keys.TAB);
            b.waitFor(ConsoleBrowser.gone(before));
            b.waitFor(d -> d.findElements(By.cssSelector("#file-preview thead th")).size() == 4);
            b.clickAndLoad(By.id("import:next"));

            // step 3: a new table; the proposal calls amount a String (the file has text in it): make it Float64
            assertTrue(b.text(By.id("ddl-text")).contains("CREATE TABLE"), b.text(By.id("ddl-text")));
            WebElement form = b.find(By.id("import"));
            b.select(By.id("import:database"), DB);
            b.waitFor(ConsoleBrowser.gone(form));
            b.type(By.id("import:table"), table);
            WebElement amountType = b.find(By.cssSelector("input[aria-label='Type of amount']"));
            amountType.clear();
            amountType.sendKeys("Float64", Keys.TAB);
            b.waitFor(d -> d.findElement(By.id("ddl-text")).getText().matches("(?s).*amount\\W* Float64.*"));
            String ddl = b.text(By.id("ddl-text"));
            assertTrue(ddl.contains(DB) && ddl.contains(table), ddl);
            b.shot("new-table-edited");
            b.clickAndLoad(By.id("import:next"));

            // step 4: mapping by name
            assertEquals(3, b.driver().findElements(By.cssSelector("#import\\:mapping tbody tr")).size());
            b.shot("mapping");
            b.clickAndLoad(By.id("import:next"));

            // step 5: the problems, before the run
            String summary = b.text(By.id("check-summary"));
            assertTrue(summary.contains("2 of the 5 rows checked would be rejected"), summary);
            String problems = b.text(By.id("problems"));
            assertTrue(problems.contains("x") && problems.contains("oops") && problems.contains("amount"), problems);
            assertEquals(2, b.driver().findElements(By.cssSelector("#check-preview td.rejected")).size());
            b.shot("check");
            b.clickAndLoad(By.id("import:start"));

            // the job page
            assertEquals("COMPLETED", awaitStatus(b, "COMPLETED", "FAILED", "STOPPED"),
                    () -> b.driver().getPageSource());
            b.waitFor(ExpectedConditions.textToBe(By.id("rows-written"), "3"));
            assertEquals("2", b.text(By.id("rows-rejected")));
            String rejects = b.text(By.id("rejects"));
            assertTrue(rejects.contains("oops") && rejects.contains("x"), rejects);
            assertTrue(b.present(By.cssSelector("svg#throughput rect")), "a bar per chunk");
            b.shot("job-completed");
        }
        assertEquals("1\t1.5\n3\t3.25\n5\t5", ClickHouseQueries.run("SELECT id, amount FROM " + DB + "." + table
                + " ORDER BY id FORMAT TSV"));
        assertEquals("Float64", ClickHouseQueries.run("SELECT type FROM system.columns WHERE database = '" + DB
                + "' AND table = '" + table + "' AND name = 'amount'"));
        String audit = admin.get("/api/audit?action=FILE_UPLOADED").body();
        assertTrue(audit.contains("file " + name) && audit.contains(operatorName), "the upload is audited: " + audit);
    }

    @Test
    void anOperatorExportsAColumnSubsetWithAFilterAndDownloadsTheFile(TestInfo test) throws IOException {
        String table = "sales_" + RUN;
        ClickHouseQueries.run("CREATE TABLE " + DB + "." + table + " (id UInt32, name String, amount Float64,"
                + " secret String) ENGINE = MergeTree ORDER BY id");
        ClickHouseQueries.run("INSERT INTO " + DB + "." + table
                + " SELECT number + 1, concat('n', toString(number + 1)),"
                + " (number + 1) * 1.5, 'hidden' FROM system.numbers LIMIT 10");
        String fileName = "sales-" + RUN + ".csv";
        try (ConsoleBrowser b = browser(test)) {
            b.login(operatorName, operatorPassword);
            b.clickAndLoad(By.id("nav-export"));
            b.select(By.id("export:database"), DB);
            b.waitFor(d -> !d.findElements(By.cssSelector("#export\\:table option[value='" + table + "']")).isEmpty());
            b.select(By.id("export:table"), table);
            b.shot("source");
            b.clickAndLoad(By.id("export:next"));

            // columns: leave out "secret", put "amount" before "name"
            b.click(By.cssSelector("input[data-column='secret']"));
            b.clickAndLoad(By.cssSelector("input[aria-label='Move amount up']"));
            assertFalse(b.find(By.cssSelector("input[data-column='secret']")).isSelected(),
                    "the tick survives the move");
            b.shot("columns");
            b.clickAndLoad(By.id("export:next"));

            b.type(By.id("export:filter"), "id > 7");
            b.shot("filter");
            b.clickAndLoad(By.id("export:next"));

            List<WebElement> rows = b.driver().findElements(By.cssSelector("#preview tbody tr"));
            assertEquals(3, rows.size());
            assertEquals("8 12 n8", rows.get(0).getText());
            b.shot("preview");
            b.clickAndLoad(By.id("export:next"));

            b.type(By.id("export:fileName"), fileName);
            b.shot("format");
            b.clickAndLoad(By.id("export:start"));

            assertEquals("COMPLETED", awaitStatus(b, "COMPLETED", "FAILED", "STOPPED"));
            b.find(By.id("download"));
            b.shot("job-completed");
            b.click(By.id("download"));
            Path file = b.download(fileName);
            assertEquals("id,amount,name\n8,12,n8\n9,13.5,n9\n10,15,n10\n", Files.readString(file,
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void anOperatorRestartsAFailedImport(TestInfo test) {
        // The target cannot take rows (a Merge table): the rows are staged, publishing fails, the import FAILS.
        String table = "restart_" + RUN;
        ClickHouseQueries.run("CREATE TABLE " + DB + "." + table + " (id UInt32) ENGINE = Merge(" + DB
                + ", '^no_such_table$')");
        ImportApi imports = new ImportApi(micro, admin);
        String file = imports.land("restart-" + RUN + ".csv", "id\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8));
        JsonObject failed = imports.run("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + table
                + "\"}");
        assertEquals("FAILED", failed.getString("status"));
        long id = failed.getJsonNumber("executionId").longValue();
        // The operator fixes the cause (a real table in its place, shaped like the staged rows: a MergeTree without
        // sorting key, so that the staged parts can be attached) and restarts from the console.
        ClickHouseQueries.run("DROP TABLE " + DB + "." + table);
        ClickHouseQueries.run("CREATE TABLE " + DB + "." + table + " (id UInt32) ENGINE = MergeTree ORDER BY tuple()");
        try (ConsoleBrowser b = browser(test)) {
            b.login(operatorName, operatorPassword);
            b.clickAndLoad(By.id("nav-jobs"));
            b.select(By.id("f-status"), "FAILED");
            b.clickAndLoad(By.id("f-apply"));
            b.shot("failed-jobs");
            b.clickAndLoad(By.linkText("import " + id));
            assertEquals("FAILED", b.text(By.id("job-status")));
            assertFalse(b.text(By.id("failure")).isBlank());
            assertTrue(b.present(By.id("actions:abandon")));
            assertFalse(b.present(By.id("actions:stop")));
            b.shot("job-failed");
            b.clickAndLoad(By.id("actions:restart"));
            String restarted = b.driver().getCurrentUrl();
            assertFalse(restarted.endsWith("id=" + id), restarted);
            assertTrue(b.text(By.id("messages")).contains("restarted as job"), b.text(By.id("messages")));
            String status = awaitStatus(b, "COMPLETED", "FAILED", "STOPPED");
            b.shot("job-restarted");
            assertEquals("COMPLETED", status, () -> b.driver().findElement(By.id("job")).getText());
            assertEquals(2, b.driver().findElements(By.cssSelector("#timeline li")).stream()
                    .filter(li -> li.getText().contains("Execution") && li.getText().contains("started")).count());
            assertFalse(b.present(By.id("actions:restart")), "a completed job offers no restart");
            assertEquals("3", b.text(By.id("rows-written")));
        }
        assertEquals("1\n2\n3", ClickHouseQueries.run("SELECT id FROM " + DB + "." + table + " ORDER BY id"));
    }

    @Test
    void aViewerIsOfferedNoOperatorActionAndTheServerRefusesThem(TestInfo test) {
        String table = "viewer_" + RUN;
        ClickHouseQueries.run("CREATE TABLE " + DB + "." + table + " (id UInt32) ENGINE = MergeTree ORDER BY id");
        ImportApi imports = new ImportApi(micro, admin);
        String file = imports.land("viewer-" + RUN + ".csv", "id\n1\nbad\n".getBytes(StandardCharsets.UTF_8));
        JsonObject failed = imports.run("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + table
                + "\",\"errors\":{\"maxRejectedRows\":0,\"maxRejectedRatio\":-1}}");
        long id = failed.getJsonNumber("executionId").longValue();
        try (ConsoleBrowser b = browser(test)) {
            b.login(viewerName, viewerPassword);
            assertTrue(b.text(By.id("who")).contains("(viewer)"));
            for (String operatorOnly : List.of("quick-actions", "nav-import", "nav-export", "nav-browse",
                    "nav-connections", "nav-users")) {
                assertFalse(b.present(By.id(operatorOnly)), operatorOnly + " is not offered to a viewer");
            }
            assertTrue(b.present(By.id("nav-jobs")));
            b.shot("dashboard");

            b.open("/job.xhtml?id=" + id);
            assertEquals("FAILED", b.text(By.id("job-status")));
            for (String operatorOnly : List.of("actions:restart", "actions:abandon", "actions:stop", "download",
                    "rejects-download")) {
                assertFalse(b.present(By.id(operatorOnly)), operatorOnly + " is not offered to a viewer");
            }
            assertTrue(b.present(By.id("metrics")) && b.present(By.id("timeline")), "but the report is");
            b.shot("job-without-actions");

            for (String page : List.of("/import.xhtml", "/export.xhtml", "/browse.xhtml", "/admin/connections.xhtml")) {
                b.open(page);
                assertEquals("Not allowed", b.text(By.tagName("h1")), page);
            }
            b.shot("import-refused");

            Object status = ((JavascriptExecutor) b.driver()).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                    + "fetch('" + micro.baseUrl() + "/api/jobs/" + id + "/restart', {method: 'POST'})"
                    + ".then(r => done(r.status)).catch(e => done(String(e)));");
            assertEquals(403L, status, "the server refuses a viewer's restart");
        }
        JsonObject after = admin.getObject("/api/jobs/" + id);
        assertEquals("FAILED", after.getString("status"), "nothing was restarted");
        assertNotEquals(null, after);
    }

    @Test
    void theDashboardFollowsARunningImportLiveAndAnOperatorStopsAndAbandonsIt(TestInfo test) throws IOException {
        String table = "live_" + RUN;
        ClickHouseQueries.run("CREATE TABLE " + DB + "." + table + " (id UInt32, text String) ENGINE = MergeTree"
                + " ORDER BY id");
        // Big enough, in small chunks, that the import is still running when the operator stops it on a quiet
        // machine too (1.5 M rows in chunks of 5 000 finished first there): 4 M rows, ~100 MB, chunks of 1 000.
        String file = "live-" + RUN + ".csv";
        Path landed = micro.dataDirectory().resolve("landing").resolve(file);
        Files.createDirectories(landed.getParent());
        try (var out = Files.newBufferedWriter(landed, StandardCharsets.UTF_8)) {
            out.write("id,text\n");
            for (int i = 1; i <= 4_000_000; i++) {
                out.write(i + ",row number " + i + "\n");
            }
        }
        ImportApi imports = new ImportApi(micro, admin);
        try (ConsoleBrowser b = browser(test)) {
            b.login(operatorName, operatorPassword);
            WebElement page = b.find(By.tagName("html"));
            long id = imports.start("{\"file\":\"" + file + "\",\"database\":\"" + DB + "\",\"table\":\"" + table
                    + "\",\"chunkSize\":1000}");
            // the dashboard shows it without a reload, and its bar moves
            double first = b.waitFor(d -> progress(d.findElements(By.cssSelector(".job-running progress"))));
            b.shot("dashboard-running");
            b.waitFor(d -> {
                Double now = progress(d.findElements(By.cssSelector(".job-running progress")));
                return now != null && now > first ? now : null;
            });
            b.shot("dashboard-progressed");
            assertEquals("html", page.getTagName(), "the page was not reloaded");

            b.clickAndLoad(By.linkText("import " + id));
            b.find(By.id("job-progress"));
            b.shot("job-running");
            b.clickAndLoad(By.id("actions:stop"));
            assertEquals("STOPPED", awaitStatus(b, "STOPPED", "COMPLETED", "FAILED"));
            assertTrue(b.present(By.id("actions:restart")) && b.present(By.id("actions:abandon")));
            b.shot("job-stopped");
            WebElement stopped = b.find(By.tagName("html"));
            b.click(By.id("actions:abandon"));
            b.driver().switchTo().alert().accept();
            b.waitFor(ConsoleBrowser.gone(stopped));
            assertEquals("ABANDONED", awaitStatus(b, "ABANDONED"));
            assertFalse(b.present(By.id("actions:restart")) || b.present(By.id("actions:abandon")));
            b.shot("job-abandoned");
        }
        assertEquals("0", ClickHouseQueries.run("SELECT count() FROM " + DB + "." + table), "nothing was published");
        Files.deleteIfExists(landed);
    }

    private static Double progress(List<WebElement> bars) {
        if (bars.isEmpty()) {
            return null;
        }
        String value = bars.get(0).getAttribute("value");
        return value == null ? null : Double.valueOf(value);
    }

    @Test
    void anAdministratorAddsAConnectionTestsItAndBrowsesThroughIt(TestInfo test) {
        String table = "browse_" + RUN;
        ClickHouseQueries.run("CREATE TABLE " + DB + "." + table + " (id UInt32, label LowCardinality(String))"
                + " ENGINE = MergeTree ORDER BY id");
        ClickHouseQueries.run("INSERT INTO " + DB + "." + table + " VALUES (1, 'one'), (2, 'two')");
        java.net.URI clickhouse = java.net.URI.create(TestEnvironment.clickHouseUrl());
        String name = "console-ch-" + RUN;
        try (ConsoleBrowser b = browser(test)) {
            b.login(TestSecurity.ADMIN, TestSecurity.adminPassword());
            b.clickAndLoad(By.id("nav-connections"));
            b.type(By.id("connection:name"), name);
            b.type(By.id("connection:host"), "not a host!");
            b.clickAndLoad(By.id("connection:save"));
            String error = b.text(By.id("connection:hostMessage"));
            assertTrue(error.contains("host"), "the error is next to the host field: " + error);
            b.shot("connection-refused");
            b.type(By.id("connection:host"), clickhouse.getHost());
            b.type(By.id("connection:port"), Integer.toString(clickhouse.getPort()));
            b.clickAndLoad(By.id("connection:save"));
            assertTrue(b.text(By.id("messages")).contains("Saved connection " + name), b.text(By.id("messages")));
            b.clickAndLoad(By.xpath("//tr[td[starts-with(normalize-space(.), '" + name + "')]]//input[@value='Test']"));
            assertTrue(b.text(By.id("messages")).contains("works: ClickHouse"), b.text(By.id("messages")));
            b.shot("connection-works");

            b.open("/browse.xhtml?connection=" + name);
            b.clickAndLoad(By.linkText(DB));
            b.clickAndLoad(By.linkText(table));
            String columns = b.text(By.id("columns"));
            assertTrue(columns.contains("id UInt32") && columns.contains("label LowCardinality(String)"), columns);
            List<WebElement> rows = b.driver().findElements(By.cssSelector("#preview tbody tr"));
            assertEquals(List.of("1 one", "2 two"), rows.stream().map(WebElement::getText).toList());
            b.shot("browse-table");
        }
    }

    @Test
    void anOperatorImportsALandedTsvFileIntoAnExistingTableLeavingAColumnOut(TestInfo test) {
        String table = "existing_" + RUN;
        ClickHouseQueries.run("CREATE TABLE " + DB + "." + table + " (id UInt32, name String) ENGINE = MergeTree"
                + " ORDER BY id");
        String file = new ImportApi(micro, admin).land("landed-" + RUN + ".tsv",
                "id\tname\textra\n1\tone\tx\n2\ttwo\ty\n".getBytes(StandardCharsets.UTF_8));
        try (ConsoleBrowser b = browser(test)) {
            b.login(operatorName, operatorPassword);
            b.clickAndLoad(By.id("nav-import"));
            b.shot("landing-files");
            b.clickAndLoad(By.cssSelector("input[data-file='" + file + "']"));
            assertEquals("tab", b.find(By.id("import:delimiter")).getAttribute("value"));
            assertEquals("TSV", new org.openqa.selenium.support.ui.Select(b.find(By.id("import:format")))
                    .getFirstSelectedOption().getAttribute("value"));
            b.clickAndLoad(By.id("import:next"));

            WebElement form = b.find(By.id("import"));
            b.click(By.cssSelector("input[name='import:target'][value='existing']"));
            b.waitFor(ConsoleBrowser.gone(form));
            form = b.find(By.id("import"));
            b.select(By.id("import:database"), DB);
            b.waitFor(ConsoleBrowser.gone(form));
            b.clickAndLoad(By.id("import:next"));
            assertEquals("Enter or choose a table.", b.text(By.cssSelector("#import\\:tableChoice + .error")),
                    "the error is next to the table field");
            b.shot("table-missing");
            b.select(By.id("import:tableChoice"), table);
            b.clickAndLoad(By.id("import:next"));

            // "extra" has no column of that name in the table: left out
            assertFalse(b.find(By.cssSelector("input[aria-label='Import extra']")).isSelected());
            assertTrue(b.find(By.cssSelector("input[aria-label='Import name']")).isSelected());
            b.shot("mapping");
            b.clickAndLoad(By.id("import:next"));
            assertTrue(b.text(By.id("check-summary")).contains("No problem in the 2 rows checked (the whole file)"),
                    b.text(By.id("check-summary")));
            b.click(By.cssSelector("input[name='import:policy'][value='fail']"));
            b.shot("check");
            b.clickAndLoad(By.id("import:start"));
            assertEquals("COMPLETED", awaitStatus(b, "COMPLETED", "FAILED", "STOPPED"));
            b.shot("job-completed");
        }
        assertEquals("1\tone\n2\ttwo", ClickHouseQueries.run("SELECT * FROM " + DB + "." + table
                + " ORDER BY id FORMAT TSV"));
    }
}
