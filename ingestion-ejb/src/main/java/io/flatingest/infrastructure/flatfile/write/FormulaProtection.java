package io.flatingest.infrastructure.flatfile.write;

import io.flatingest.infrastructure.clickhouse.type.ClickHouseType;
import java.util.List;

/**
 * Protection against spreadsheet formula injection: a text value that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, TAB or CR) gets a leading {@code '} — in text columns only (String, FixedString,
 * Enum, also inside Nullable or LowCardinality), never in numbers ({@code -5} stays {@code -5}).
 */
public final class FormulaProtection {

    private FormulaProtection() {
    }

    /** Whether a value starting with {@code c} (a character, or the first byte of UTF-8) reads as a formula. */
    public static boolean startsFormula(int c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** Per column, whether it holds text that protection applies to. */
    public static boolean[] textColumns(List<ClickHouseType> types) {
        boolean[] text = new boolean[types.size()];
        for (int i = 0; i < text.length; i++) {
            ClickHouseType t = types.get(i).valueType();
            text[i] = t instanceof ClickHouseType.FixedString || t instanceof ClickHouseType.Enum
                    || t.equals(new ClickHouseType.Simple(ClickHouseType.Base.STRING));
        }
        return text;
    }
}
