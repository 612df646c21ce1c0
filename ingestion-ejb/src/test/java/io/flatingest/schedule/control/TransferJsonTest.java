package io.flatingest.schedule.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flatingest.infrastructure.clickhouse.type.ConversionOptions.MissingValues;
import io.flatingest.infrastructure.flatfile.Dialect;
import io.flatingest.transfer.boundary.ExportCommand;
import io.flatingest.transfer.boundary.ImportCommand;
import io.flatingest.transfer.boundary.ImportCommand.ColumnDefinition;
import io.flatingest.transfer.boundary.ImportCommand.ColumnMapping;
import io.flatingest.transfer.boundary.ImportCommand.ErrorPolicy;
import io.flatingest.transfer.boundary.ImportCommand.Partitioning;
import io.flatingest.transfer.boundary.ImportCommand.TableDefinition;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A saved command comes back from its JSON equal to what was saved. */
class TransferJsonTest {

    @Test
    void importCommandsRoundTrip() {
        ImportCommand simple = new ImportCommand(null, "in/a.csv", Dialect.csv(), "db", "t", null, null, null, null,
                null, null, null);
        assertEquals(simple, TransferJson.importCommand(TransferJson.parse(TransferJson.of(simple).toString())));
        ImportCommand full = new ImportCommand("warehouse", "x.tsv", new Dialect(Dialect.Format.TSV, '\t',
                Dialect.NO_QUOTE, Dialect.EscapeMode.BACKSLASH, false, 2, Set.of("NULL"), "ISO-8859-1", true), "db",
                "t", List.of(ColumnMapping.byName("a", "x"), ColumnMapping.byPosition(3, "y")),
                new TableDefinition(List.of(new ColumnDefinition("x", "String"), new ColumnDefinition("d", "Date")),
                        List.of("x"), new Partitioning(Partitioning.Function.toYYYYMM, "d")),
                new ErrorPolicy(10, 0.5), MissingValues.TYPE_DEFAULT, List.of("dd/MM/yyyy"), List.of("dd/MM/yyyy HH:mm"),
                500);
        assertEquals(full, TransferJson.importCommand(TransferJson.parse(TransferJson.of(full).toString())));
    }

    @Test
    void exportCommandsRoundTrip() {
        ExportCommand table = new ExportCommand(null, ExportCommand.Source.table("db", "t"), null, null);
        assertEquals(table, TransferJson.exportCommand(TransferJson.parse(TransferJson.of(table).toString())));
        ExportCommand query = new ExportCommand("c", new ExportCommand.Source(null, null, List.of("a"), "a > 1", 10L,
                "SELECT 1 AS a", List.of("a")), new ExportCommand.Output("TSV", '\t', '"', true, false, "\\N", "CRLF",
                "UTF-16", true, true, "x-{date}.tsv.gz", true, "Europe/Paris", true, true, true), 100);
        assertEquals(query, TransferJson.exportCommand(TransferJson.parse(TransferJson.of(query).toString())));
        assertEquals("y.csv", TransferJson.withFileName(query, "y.csv").output().fileName());
    }
}
