package io.flatingest.preview.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flatingest.infrastructure.flatfile.FlatRecord;
import io.flatingest.infrastructure.flatfile.schema.SchemaInference;
import io.flatingest.transfer.boundary.ImportCommand.TableDefinition;
import io.flatingest.transfer.control.TableDdl;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreviewServiceTest {

    @Test
    void tableNamesComeFromFileNames() {
        assertEquals("sales_2024", PreviewService.tableName("sales-2024.csv.gz"));
        assertEquals("t_2024_sales", PreviewService.tableName("2024 sales.tsv"));
        assertEquals("_x", PreviewService.tableName("_x"));
    }

    @Test
    void aProposalBecomesTheCreateTableOfAnImport() {
        TableDefinition d = PreviewService.definition(SchemaInference.infer(List.of("id", "name"),
                List.of(new String[] {"1", "a"}, new String[] {"2", null}), false));
        assertEquals("CREATE TABLE `default`.`t` (`id` Int64, `name` Nullable(String)) ENGINE = MergeTree"
                + " ORDER BY (`id`)", TableDdl.createTable("default", "t", d));
        TableDefinition noKey = PreviewService.definition(SchemaInference.infer(null,
                List.<String[]>of(new String[] {"a"}), false));
        assertEquals(List.of(), noKey.orderBy());
    }

    @Test
    void rowLimitsAreChecked() {
        assertEquals(20, PreviewService.limit("rows", null, 20, 1000));
        assertEquals(1000, PreviewService.limit("rows", 1000, 20, 1000));
        assertEquals("rows must be between 1 and 1000, got 0", assertThrows(IllegalArgumentException.class,
                () -> PreviewService.limit("rows", 0, 20, 1000)).getMessage());
    }

    @Test
    void filesWithoutHeaderGetNumberedColumns() {
        assertEquals(List.of("column_1", "column_2", "column_3"), PreviewService.fileColumns(null, List.of(
                new FlatRecord(1, 1, 1, 0, 0, "a,b", new String[] {"a", "b"}, null),
                new FlatRecord(2, 2, 2, 0, 0, "a,b,c", new String[] {"a", "b", "c"}, null))));
        assertEquals(List.of("x"), PreviewService.fileColumns(List.of("x"), List.of()));
    }
}
