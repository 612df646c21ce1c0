package io.flatingest.transfer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flatingest.transfer.control.ExportParameters.ColumnType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportQueryTest {

    private final ExportQuery keyed = new ExportQuery("`a`, `b`", "`db`.`t`", "a > 1", 100L,
            List.of(new ColumnType("k", "DateTime('Europe/Berlin')")), List.of("`a`", "toString(`m`)"),
            List.of(new ColumnType("a", "Int32"), new ColumnType("b", "String")));

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
        ExportQuery q = new ExportQuery("*", "(SELECT 1 AS x)", "", null, List.of(), List.of(),
                List.of(new ColumnType("x", "UInt8")));
        assertFalse(q.resumable());
        assertEquals("SELECT * FROM (SELECT 1 AS x)", q.sql(null, 0));
    }

    private final ExportQuery byId = new ExportQuery("`id`, `v`", "`db`.`t`", "v != ''", null,
            List.of(new ColumnType("id", "UInt64")), List.of("`v`"),
            List.of(new ColumnType("id", "UInt64"), new ColumnType("v", "String")));

    @Test
    void onlyASingleIntegerKeyWithoutLimitIsSplittable() {
        assertTrue(byId.splittable());
        assertFalse(keyed.splittable(), "DateTime key and a LIMIT");
        assertFalse(new ExportQuery("`id`", "`db`.`t`", "", 10L, List.of(new ColumnType("id", "Int32")), List.of(),
                List.of(new ColumnType("id", "Int32")))
                .splittable(), "a LIMIT counts across ranges");
        assertFalse(new ExportQuery("`a`", "`db`.`t`", "", null, List.of(new ColumnType("a", "Int32"),
                new ColumnType("b", "Int32")), List.of(), List.of(new ColumnType("a", "Int32"))).splittable(),
                "two key columns");
        assertFalse(new ExportQuery("`s`", "`db`.`t`", "", null, List.of(new ColumnType("s", "String")), List.of(),
                List.of(new ColumnType("s", "String")))
                .splittable());
        assertThrows(IllegalStateException.class, () -> keyed.splitPointsSql(null, 4));
    }

    @Test
    void splitPointsAreQuantilesOfTheKeyInItsOwnTypeAfterTheResumeKeyWithASmallFirstRange() {
        assertEquals("SELECT count(), arrayStringConcat(arrayMap(x -> toString(toUInt64(floor(x))),"
                + " quantiles(0.0625, 0.25, 0.5, 0.75)(`id`)), ',') FROM `db`.`t` WHERE (v != '') AND (`id`) >= (CAST(unhex('3132'), 'UInt64'))",
                byId.splitPointsSql(new String[] {"3132"}, 4));
    }

    @Test
    void rangesPartitionTheKeySpaceWithoutGapsOrOverlap() {
        List<ExportQuery.KeyRange> ranges = ExportQuery.ranges(List.of("500", "-3", "500", "18446744073709551615"));
        assertEquals(List.of(new ExportQuery.KeyRange(null, big("-3")), new ExportQuery.KeyRange(big("-3"), big("500")),
                new ExportQuery.KeyRange(big("500"), big("18446744073709551615")),
                new ExportQuery.KeyRange(big("18446744073709551615"), null)), ranges);
        assertEquals(List.of(new ExportQuery.KeyRange(null, null)), ExportQuery.ranges(List.of()));
        assertEquals("SELECT `id`, `v` FROM `db`.`t` WHERE (v != '')"
                + " AND `id` >= 500 AND `id` < 18446744073709551615 ORDER BY `id`, `v`", byId.sql(null, 0, ranges.get(2)));
        assertEquals("SELECT `id`, `v` FROM `db`.`t` WHERE (v != '')"
                + " AND `id` < -3 ORDER BY `id`, `v`", byId.sql(null, 0, ranges.get(0)));
    }

    @Test
    void anExportedIntegerKeyIsReadFromItsColumnAndAnotherIntegerKeyAsItselfNotAsText() {
        assertEquals(0, byId.keyPosition(0));
        assertEquals(List.of(), byId.extraKeyColumns());
        ExportQuery notExported = new ExportQuery("`v`", "`db`.`t`", "", null, List.of(new ColumnType("d", "Date"),
                new ColumnType("n", "Int16"), new ColumnType("v", "Int64")), List.of(),
                List.of(new ColumnType("v", "Int64"), new ColumnType("w", "String")));
        assertEquals("SELECT `v`, hex(toString(`d`)) AS `__flatingest_key0`, `n` AS `__flatingest_key1` FROM `db`.`t`"
                + " ORDER BY `d`, `n`, `v`", notExported.sql(null, 0));
        assertEquals(List.of(new ColumnType("__flatingest_key0", "String"), new ColumnType("__flatingest_key1", "Int16")),
                notExported.extraKeyColumns());
        assertEquals(2, notExported.keyPosition(0), "after the two exported columns");
        assertEquals(3, notExported.keyPosition(1));
        assertEquals(0, notExported.keyPosition(2), "exported with the same name and type");
        ExportQuery otherType = new ExportQuery("`id`", "`db`.`t`", "", null, List.of(new ColumnType("id", "UInt64")),
                List.of(), List.of(new ColumnType("id", "UInt32")));
        assertEquals(1, otherType.keyPosition(0), "a column of another type is not the key");
    }

    @Test
    void aCheckpointKeepsDecimalKeysAsHexOfTheirTextLikeOtherKeys() {
        ExportQuery q = new ExportQuery("`v`", "`db`.`t`", "", null, List.of(new ColumnType("d", "Date"),
                new ColumnType("n", "Int64")), List.of(), List.of(new ColumnType("v", "Int64")));
        String[] selected = {"323031392D30312D3032", "-9223372036854775808"};
        String[] checkpoint = q.checkpointKey(selected);
        assertEquals(List.of("323031392D30312D3032", "2D39323233333732303336383534373735383038"), List.of(checkpoint));
        assertEquals(List.of(selected), List.of(q.selectedKey(checkpoint)));
        assertEquals("-9223372036854775808", q.selectedKey(new String[] {"00", "2d39323233333732303336383534373735383038"})[1],
                "lower-case hex too");
    }

    private static java.math.BigInteger big(String s) {
        return new java.math.BigInteger(s);
    }
}
