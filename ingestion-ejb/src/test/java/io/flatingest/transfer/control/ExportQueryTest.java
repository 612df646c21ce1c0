package io.flatingest.transfer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.flatingest.transfer.control.ExportParameters.ColumnType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportQueryTest {

    private final ExportQuery keyed = new ExportQuery("`a`, `b`", "`db`.`t`", "a > 1", 100L,
            List.of(new ColumnType("k", "DateTime('Europe/Berlin')")), List.of("`a`", "toString(`m`)"));

    @Test
    void ordersByTheKeyThenEveryColumnAndSelectsTheKeyAsHexText() {
        assertEquals("SELECT `a`, `b`, hex(toString(`k`)) AS `__flatingest_key0` FROM `db`.`t` WHERE (a > 1)"
                + " ORDER BY `k`, `a`, toString(`m`) LIMIT 100", keyed.sql(null, 0));
    }

    @Test
    void resumesAtTheLastKeyCastBackToItsTypeWithTheRemainingLimit() {
        assertEquals("SELECT `a`, `b`, hex(toString(`k`)) AS `__flatingest_key0` FROM `db`.`t` WHERE (a > 1)"
                + " AND (`k`) >= (CAST(unhex('3230'), 'DateTime(\\'Europe/Berlin\\')')) ORDER BY `k`, `a`,"
                + " toString(`m`) LIMIT 60", keyed.sql(new String[] {"3230"}, 40));
    }

    @Test
    void withoutAKeyThereIsNoOrderAndNoResume() {
        ExportQuery q = new ExportQuery("*", "(SELECT 1 AS x)", "", null, List.of(), List.of());
        assertFalse(q.resumable());
        assertEquals("SELECT * FROM (SELECT 1 AS x)", q.sql(null, 0));
    }
}
