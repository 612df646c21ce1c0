package io.flatingest.infrastructure.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SqlFragmentsTest {

    @ParameterizedTest
    @ValueSource(strings = {"id > 5", "name = 'it''s; fine' AND x IN (SELECT id FROM t WHERE y = 1)",
            "`weird; name` = 1", "d BETWEEN '2024-01-01' AND '2024-12-31' -- a comment; with a semicolon",
            "s = 'union select' /* UNION; */", "arrayExists(x -> x > 1, arr)"})
    void acceptsExpressions(String filter) {
        assertEquals(filter.strip(), SqlFragments.requireFilter(filter));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1; DROP TABLE t", "1) UNION ALL (SELECT * FROM secret", "1 UNION ALL SELECT 1",
            "1 FORMAT JSON", "x = 1 SETTINGS readonly = 0", "1 LIMIT 5", "(1", "1)", "'open", "1 INTO OUTFILE 'f'",
            "1 /* open", "id > 0 ORDER BY id", "1 GROUP BY x"})
    void refusesWhatWouldEndTheExpression(String filter) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SqlFragments.requireFilter(filter));
        assertTrue(e.getMessage().startsWith("The filter"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT * FROM system.parts", "WITH 1 AS x SELECT x", "  select format('{}', 1)",
            "(SELECT 1) UNION ALL (SELECT 2)", "SELECT 1;", "/* c */ SELECT ';'"})
    void acceptsSingleSelects(String query) {
        assertTrue(SqlFragments.requireSelect(query).toUpperCase().contains("SELECT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DROP TABLE t", "INSERT INTO t SELECT 1", "SELECT 1; SELECT 2", "SELECT 1 FORMAT JSON",
            "SELECT 1 INTO OUTFILE 'x'", "SHOW TABLES", "", "SET readonly = 0", "SELECT (1"})
    void refusesAnythingElse(String query) {
        assertThrows(IllegalArgumentException.class, () -> SqlFragments.requireSelect(query));
    }

    @Test
    void dropsATrailingSemicolon() {
        assertEquals("SELECT 1", SqlFragments.requireSelect("SELECT 1 ; "));
    }
}
