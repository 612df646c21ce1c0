package io.flatingest.transfer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.flatingest.infrastructure.flatfile.Dialect;
import io.flatingest.transfer.boundary.ImportCommand.ColumnDefinition;
import io.flatingest.transfer.boundary.ImportCommand.Partitioning;
import io.flatingest.transfer.boundary.ImportCommand.TableDefinition;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImportParametersTest {

    @Test
    void dialectsTravelIntactIncludingTabsAndNoQuote() {
        Dialect tsv = Dialect.tsv().withNullTokens(new LinkedHashSet<>(List.of("\\N", ""))).withSkipLines(2);
        assertEquals(tsv, ImportParameters.dialect(ImportParameters.dialect(tsv)));
        Dialect csv = Dialect.csv().withDelimiter(';').withQuote('\'').withEncoding("windows-1252").withTrim(true)
                .withNullTokens(Set.of("NULL"));
        assertEquals(csv, ImportParameters.dialect(ImportParameters.dialect(csv)));
    }

    @Test
    void mappingsAndTableDefinitionsTravelIntact() {
        List<ImportParameters.MappedColumn> columns = List.of(new ImportParameters.MappedColumn(2, "a \"b\""),
                new ImportParameters.MappedColumn(0, "c"));
        assertEquals(columns, ImportParameters.columns(ImportParameters.columns(columns)));
        TableDefinition t = new TableDefinition(List.of(new ColumnDefinition("d", "Date"),
                new ColumnDefinition("x", "Enum8('a' = 1)")), List.of("d"), new Partitioning(Partitioning.Function.toYear, "d"));
        assertEquals(t, ImportParameters.table(ImportParameters.table(t)));
        assertNull(ImportParameters.table(""));
        assertEquals(List.of("dd/MM/yyyy", "a,b"), ImportParameters.strings(ImportParameters.strings(
                List.of("dd/MM/yyyy", "a,b"))));
    }
}
