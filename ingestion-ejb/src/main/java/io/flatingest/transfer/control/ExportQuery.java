package io.flatingest.transfer.control;

import io.flatingest.infrastructure.clickhouse.Identifiers;
import io.flatingest.transfer.control.ExportParameters.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The SELECT an export runs, and how it resumes.
 *
 * <p><b>Why a key.</b> A restart must continue exactly after the last row written to the file, without reading
 * everything again. The export therefore orders its rows by key columns (the table's sorting key unless the user
 * names others), then by every exported column, so that the order is total up to rows that are identical in the
 * file anyway. It also selects each key column as hex of its text ({@code hex(toString(k))}: exact for any
 * bytes), and the checkpoint keeps those; a restart asks for rows with a key {@code >=} the last one (the texts are
 * cast back to the key types) and skips as many rows with exactly that key as were already written. Without a key (a query whose result has
 * none named), a restart writes the file again from its first row.
 */
public record ExportQuery(String select, String from, String filter, Long limit, List<ColumnType> keys,
                          List<String> tieBreak) {

    /** Prefix of the extra columns that carry the key as text. */
    public static final String KEY_ALIAS = "__flatingest_key";

    /** The query described by an export's job parameters. */
    public static ExportQuery from(Properties p) {
        String limit = p.getProperty(ExportParameters.LIMIT, "");
        List<ColumnType> keys = ExportParameters.columns(p.getProperty(ExportParameters.KEY_COLUMNS));
        return new ExportQuery(p.getProperty(ExportParameters.SELECT), p.getProperty(ExportParameters.FROM),
                p.getProperty(ExportParameters.FILTER, ""), limit.isBlank() ? null : Long.valueOf(limit), keys,
                ImportParameters.strings(p.getProperty(ExportParameters.TIE_BREAK)));
    }

    /** Whether a restart can continue after the last written row. */
    public boolean resumable() {
        return !keys.isEmpty();
    }

    /**
     * The SQL (without FORMAT).
     *
     * @param resumeKey the key texts of the last written row (hex, as selected), or null to start at the first row
     * @param written   rows written before, minus those with the resume key (they are read again and skipped)
     */
    public String sql(String[] resumeKey, long written) {
        StringBuilder sql = new StringBuilder("SELECT ").append(select);
        for (int i = 0; i < keys.size(); i++) {
            sql.append(", hex(toString(").append(Identifiers.quote(keys.get(i).name())).append(")) AS ")
                    .append(Identifiers.quote(KEY_ALIAS + i));
        }
        sql.append(" FROM ").append(from);
        List<String> conditions = new ArrayList<>();
        if (!filter.isBlank()) {
            conditions.add("(" + filter + ")");
        }
        if (resumeKey != null) {
            List<String> names = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                names.add(Identifiers.quote(keys.get(i).name()));
                values.add("CAST(unhex(" + Identifiers.literal(resumeKey[i]) + "), "
                        + Identifiers.literal(keys.get(i).type()) + ")");
            }
            conditions.add("(" + String.join(", ", names) + ") >= (" + String.join(", ", values) + ")");
        }
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        if (!keys.isEmpty()) {
            List<String> order = new ArrayList<>();
            keys.forEach(k -> order.add(Identifiers.quote(k.name())));
            order.addAll(tieBreak);
            sql.append(" ORDER BY ").append(String.join(", ", order));
        }
        if (limit != null) {
            sql.append(" LIMIT ").append(Math.max(0, limit - written));
        }
        return sql.toString();
    }
}
