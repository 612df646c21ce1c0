package io.flatingest.batch.fileexport;

import io.flatingest.infrastructure.clickhouse.type.ClickHouseTypes;
import io.flatingest.infrastructure.flatfile.write.FormulaProtection;
import io.flatingest.transfer.control.ExportParameters;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Applies the output's policies to a row whose values the reader already turned into exact text: with formula
 * protection on, a text value that a spreadsheet would run as a formula (starting with {@code = + - @}, TAB or CR)
 * gets a leading {@code '} — in text columns only, never in numbers ({@code -5} stays {@code -5}); see
 * {@link FormulaProtection}. A line the reader formatted into bytes already ({@link FormattedLine}) had the same
 * protection applied there and passes unchanged.
 */
@Named
@Dependent
public class RowFormattingProcessor implements ItemProcessor {

    /** Exported columns with types as JSON. */
    @Inject
    @BatchProperty
    String columns;

    /** Whether formula protection is on (default false). */
    @Inject
    @BatchProperty
    String formulaProtection;

    private boolean[] text;
    private boolean protect;

    @Override
    public Object processItem(Object item) {
        if (text == null) {
            init();
        }
        if (item instanceof FormattedLine) {
            return item; // formatted with the protection applied (CsvLines)
        }
        String[] row = (String[]) item;
        if (protect) {
            for (int i = 0; i < row.length; i++) {
                String v = row[i];
                if (text[i] && v != null && !v.isEmpty() && FormulaProtection.startsFormula(v.charAt(0))) {
                    row[i] = "'" + v;
                }
            }
        }
        return row;
    }

    private void init() {
        text = FormulaProtection.textColumns(ExportParameters.columns(columns).stream()
                .map(c -> ClickHouseTypes.parse(c.type())).toList());
        protect = Boolean.parseBoolean(formulaProtection);
    }
}
