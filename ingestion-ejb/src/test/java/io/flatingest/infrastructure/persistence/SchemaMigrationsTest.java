package io.flatingest.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

    @Test
    void splitsStatementsAtLineEndSemicolonsAndDropsComments() {
        List<String> statements = SchemaMigrations.statements("-- a comment; with a semicolon\nCREATE TABLE a (\n"
                + "  x VARCHAR(10) DEFAULT ';'\n);\n\nCREATE INDEX i ON a (x);\n");
        assertEquals(List.of("CREATE TABLE a (\n  x VARCHAR(10) DEFAULT ';'\n)", "CREATE INDEX i ON a (x)"), statements);
    }

    @Test
    void everyScriptRunsOnTheH2VersionPayaraBundles() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:schema" + System.nanoTime(), "sa", "");
             Statement s = c.createStatement()) {
            for (String script : SchemaMigrations.SCRIPTS) {
                try (InputStream in = SchemaMigrations.class.getResourceAsStream("/META-INF/sql/" + script)) {
                    for (String sql : SchemaMigrations.statements(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                        s.execute(sql);
                    }
                }
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertTrue(tables.containsAll(List.of("IMPORT_CHUNK", "PUBLISH_STEP", "RUNNING_EXECUTION",
                    "TRANSFER_TOTALS", "TRANSFER_REPORT", "EXECUTION_REPORT", "STEP_REPORT", "CHUNK_TIMING")), tables.toString());
        }
    }
}
