package io.flatingest.transfer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flatingest.transfer.boundary.ImportCommand.ColumnDefinition;
import io.flatingest.transfer.boundary.ImportCommand.Partitioning;
import io.flatingest.transfer.boundary.ImportCommand.TableDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableDdlTest {

    private static TableDefinition table(List<ColumnDefinition> columns, List<String> orderBy, Partitioning p) {
        return new TableDefinition(columns, orderBy, p);
    }

    @Test
    void rendersQuotedNamesAndCanonicalTypes() {
        TableDefinition t = table(List.of(new ColumnDefinition("when", "datetime('UTC')"),
                new ColumnDefinition("odd `name`", "nullable(decimal(18, 2))")), List.of("when"),
                new Partitioning(Partitioning.Function.toYYYYMM, "when"));
        TableDdl.validate(t, false);
        assertEquals("CREATE TABLE `db`.`t` (`when` DateTime('UTC'), `odd \\`name\\`` Nullable(Decimal(18, 2)))"
                + " ENGINE = MergeTree PARTITION BY toYYYYMM(`when`) ORDER BY (`when`)", TableDdl.createTable("db", "t", t));
    }

    @Test
    void anEmptyOrderByIsTuple() {
        assertTrue(TableDdl.createTable("db", "t", table(List.of(new ColumnDefinition("a", "Int64")), List.of(), null))
                .endsWith("ORDER BY tuple()"));
    }

    @Test
    void refusesWhatTheServerWouldRefuseOrWhatIsNotAType() {
        assertThrows(IllegalArgumentException.class, () -> TableDdl.validate(table(List.of(
                new ColumnDefinition("a", "Int64"), new ColumnDefinition("a", "String")), List.of(), null), true));
        assertThrows(IllegalArgumentException.class, () -> TableDdl.validate(table(List.of(
                new ColumnDefinition("a", "Nullable(Int64)")), List.of("a"), null), false));
        assertThrows(IllegalArgumentException.class, () -> TableDdl.validate(table(List.of(
                new ColumnDefinition("a", "Int64) ENGINE = Log; DROP TABLE x; --")), List.of(), null), true));
        assertThrows(IllegalArgumentException.class, () -> TableDdl.validate(table(List.of(
                new ColumnDefinition("a", "DateTime64(3)")), List.of(), null), false));
        assertThrows(IllegalArgumentException.class, () -> TableDdl.validate(table(List.of(
                new ColumnDefinition("a", "Int64")), List.of(), new Partitioning(Partitioning.Function.toYYYYMM, "a")), true));
        assertThrows(IllegalArgumentException.class, () -> TableDdl.validate(table(List.of(
                new ColumnDefinition("a", "AggregateFunction(uniq, String)")), List.of(), null), true));
    }
}
