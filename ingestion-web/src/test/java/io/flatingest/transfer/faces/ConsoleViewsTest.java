package io.flatingest.transfer.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flatingest.infrastructure.flatfile.Dialect;
import io.flatingest.infrastructure.flatfile.DetectedDialect;
import io.flatingest.preview.boundary.FilePreview;
import io.flatingest.report.boundary.TransferReportView;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's view helpers: editable dialect, preview table, throughput chart, error placement. */
class ConsoleViewsTest {

    @Test
    void aDialectSurvivesTheFormAndATabIsTypedAsAWord() {
        DialectForm form = new DialectForm();
        form.fill(Dialect.tsv());
        assertEquals("tab", form.getDelimiter());
        assertEquals("", form.getQuote(), "TSV has no quote character");
        assertEquals(Dialect.tsv(), form.toDialect());
        form.fill(Dialect.csv());
        assertEquals(Dialect.csv(), form.toDialect());
    }

    @Test
    void aWrongDelimiterIsReportedForItsField() {
        DialectForm form = new DialectForm();
        form.setDelimiter(";;");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, form::toDialect);
        assertTrue(e.getMessage().startsWith("delimiter:"), e.getMessage());
        assertEquals("import:delimiter", ImportWizard.dialectField(e.getMessage()));
    }

    @Test
    void rejectedCellsCarryTheirReasonAndRecordProblemsMarkTheRow() {
        FilePreview preview = new FilePreview("f.csv", 30, Dialect.csv(), new DetectedDialect(Dialect.csv(),
                List.of(), "LF", false), List.of("id", "amount"),
                List.of(new FilePreview.PreviewColumn("id", "UInt32", 1),
                        new FilePreview.PreviewColumn("amount", "Float64", 2)),
                List.of(new FilePreview.PreviewRow(2, 1, List.of("1", "1.5"), false),
                        new FilePreview.PreviewRow(3, 2, Arrays.asList("2", null), true),
                        new FilePreview.PreviewRow(4, 3, Arrays.asList(null, null), true)),
                List.of(new FilePreview.CellWarning(3, "amount", "x", "not a Float64", "line 3 amount 'x'"),
                        new FilePreview.CellWarning(4, null, null, "3 fields, expected 2", "line 4 fields")),
                true);
        PreviewTable table = PreviewTable.of(preview);
        assertEquals(List.of("id UInt32", "amount Float64"), table.headings());
        assertEquals(2, table.rejectedRows());
        assertNull(table.rows().get(0).cells().get(1).problem());
        assertEquals("not a Float64", table.rows().get(1).cells().get(1).problem());
        assertEquals("3 fields, expected 2", table.rows().get(2).cells().get(0).problem());
        assertEquals(List.of("line 3 amount 'x'", "line 4 fields"), table.problems());
    }

    @Test
    void theChartScalesBarsToTheFastestChunk() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        ThroughputChart chart = ThroughputChart.of(List.of(new TransferReportView.Chunk(1, 1, t, 1000, 1000, 10),
                new TransferReportView.Chunk(1, 2, t, 1000, 500, 10)));
        assertEquals(1000.0, chart.maxRate());
        assertEquals(750.0, chart.meanRate());
        assertEquals("148.00", chart.bars().get(0).height(), "the fastest fills the plot");
        assertEquals("74.00", chart.bars().get(1).height());
        assertEquals("39.00", chart.bars().get(0).width(), "few chunks: bars stay narrow");
        assertEquals("1,000 rows/s", chart.getMaxLabel());
    }

    @Test
    void exportErrorsGoNextToTheFieldTheyName() {
        assertEquals("export:fileName", ExportWizard.fieldOf("File name '../x' refused: separators"));
        assertEquals("export:filter", ExportWizard.fieldOf("The filter is not accepted by ClickHouse"));
        assertEquals("export:query", ExportWizard.fieldOf("The query is not accepted by ClickHouse"));
        assertNull(ExportWizard.fieldOf("Something else"));
        assertEquals("people_2024", PreviewTableNames.fromFile("in/people-2024.csv.gz"));
        assertEquals("t_2024", PreviewTableNames.fromFile("2024.csv"));
    }
}
