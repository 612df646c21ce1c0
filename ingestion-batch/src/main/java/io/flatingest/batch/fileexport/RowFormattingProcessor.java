package io.flatingest.batch.fileexport;

import io.flatingest.infrastructure.clickhouse.type.ClickHouseType;
import io.flatingest.infrastructure.clickhouse.type.ClickHouseTypes;
import io.flatingest.transfer.control.ExportParameters;
import io.flatingest.transfer.control.ExportParameters.ColumnType;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Applies the output's policies to a row whose values the reader already turned into exact text: with formula
 * protection on, a text value that a spreadsheet would run as a formula (starting with {@code = + - @}, TAB or CR)
 * gets a leading {@code '} — in text columns only, never in numbers ({@code -5} stays {@code -5}).
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
        String[] row = (String[]) item;
        if (protect) {
            for (int i = 0; i < row.length; i++) {
                String v = row[i];
                if (text[i] && v != null && !v.isEmpty() && isFormulaStart(v.charAt(0))) {
                    row[i] = "'" + v;
                }
            }
        }
        return row;
    }

    private void init() {
        List<ColumnType> types = ExportParameters.columns(columns);
        text = new boolean[types.size()];
        for (int i = 0; i < text.length; i++) {
            ClickHouseType t = ClickHouseTypes.parse(types.get(i).type()).valueType();
            text[i] = t instanceof ClickHouseType.FixedString || t instanceof ClickHouseType.Enum
                    || t.equals(new ClickHouseType.Simple(ClickHouseType.Base.STRING));
        }
        protect = Boolean.parseBoolean(formulaProtection);
    }

    static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
