package io.flatingest.infrastructure.flatfile.schema;

import io.flatingest.infrastructure.flatfile.FlatRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Proposes ClickHouse columns for a sample of parsed rows.
 *
 * <p>The rules never change a value: a type is proposed only when every sample value reads back as the same value.
 * {@code 007} stays String; integers are Int64, UInt64 above the Int64 maximum, String beyond; fixed-point decimals
 * get Decimal(P, S) with S the most fraction digits seen and P the digits seen plus 2, rounded up to ClickHouse's
 * storage sizes 9, 18 or 38; exponent notation, inf and nan give Float64; {@code YYYY-MM-DD} gives Date;
 * {@code YYYY-MM-DD hh:mm:ss} gives DateTime('UTC') (a fixed zone has no daylight-saving gaps, so the text survives);
 * fractional seconds, dates before 1970 and true/false need a modern server ({@code modernTypes}: DateTime64, Date32,
 * Bool) and are String otherwise (UInt8 would turn {@code true} into {@code 1}); lower-case UUIDs give UUID.
 * Anything else is String, and LowCardinality(String) when the sample has at least 100 values of which at most 5%
 * are distinct. A column is Nullable when nulls were seen, or for a non-text type, empty values.
 *
 * <p>ORDER BY: the first non-Nullable column of a date, date-time, integer or UUID type, which is usually an id or
 * an event time; otherwise {@code tuple()} (no sorting key), which is always valid and cheap to change later.
 */
public final class SchemaInference {

    private SchemaInference() {
    }

    /** A proposal from well-formed records; malformed ones are left out. */
    public static TableProposal fromRecords(List<String> header, List<FlatRecord> records, boolean modernTypes) {
        List<String[]> rows = new ArrayList<>();
        for (FlatRecord r : records) {
            if (!r.malformed()) {
                rows.add(r.fields());
            }
        }
        return infer(header, rows, modernTypes);
    }

    /**
     * @param header      column names from the file, or null when it has no header
     * @param rows        sample rows, null elements for NULL; rows with a different field count are left out
     * @param modernTypes whether the server has Bool, Date32 and DateTime64 (ClickHouse 21.x and later)
     */
    public static TableProposal infer(List<String> header, List<String[]> rows, boolean modernTypes) {
        int count = header != null ? header.size() : usualFieldCount(rows);
        List<ColumnStats> stats = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stats.add(new ColumnStats());
        }
        int used = 0;
        for (String[] row : rows) {
            if (row.length == count) {
                used++;
                for (int i = 0; i < count; i++) {
                    stats.get(i).add(row[i]);
                }
            }
        }
        List<String> names = ColumnNames.of(header, count);
        List<ColumnProposal> columns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            columns.add(column(names.get(i), header == null ? null : header.get(i), stats.get(i), modernTypes));
        }
        List<String> notes = new ArrayList<>(List.of("types from " + used + " sample rows"));
        if (used < rows.size()) {
            notes.add((rows.size() - used) + " rows with a field count other than " + count + " were left out");
        }
        return orderBy(columns, notes);
    }

    private static ColumnProposal column(String name, String source, ColumnStats stats, boolean modernTypes) {
        String[] base = stats.baseType(modernTypes);
        boolean typed = stats.typed(base[0]);
        boolean nullable = stats.nulls > 0 || typed && stats.empties > 0;
        String type = !nullable ? base[0]
                : base[0].equals("LowCardinality(String)") ? "LowCardinality(Nullable(String))"
                : "Nullable(" + base[0] + ")";
        String reason = base[1];
        if (nullable) {
            reason += stats.nulls > 0 ? "; nulls seen" : "; empty values seen, read as NULL";
        }
        return new ColumnProposal(name, source, type, nullable, reason);
    }

    private static TableProposal orderBy(List<ColumnProposal> columns, List<String> notes) {
        for (ColumnProposal c : columns) {
            if (!c.nullable() && c.type().matches("Date.*|Int64|UInt64|UUID")) {
                return new TableProposal(columns, c.name(), "first non-Nullable " + c.type() + " column", notes);
            }
        }
        return new TableProposal(columns, "tuple()", "no non-Nullable id, date or time column; no sorting key",
                notes);
    }

    private static int usualFieldCount(List<String[]> rows) {
        Map<Integer, Integer> counts = new HashMap<>();
        int best = 0;
        int bestCount = 0;
        for (String[] row : rows) {
            int n = counts.merge(row.length, 1, Integer::sum);
            if (n > bestCount) {
                best = row.length;
                bestCount = n;
            }
        }
        return best;
    }
}
