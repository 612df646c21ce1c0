package io.flatingest.infrastructure.flatfile.schema;

import java.util.List;

/**
 * A proposed table: columns in file order, an ORDER BY expression and notes about the sample.
 *
 * @param columns       the columns
 * @param orderBy       the ORDER BY expression: a column name, or {@code tuple()} for no sorting key
 * @param orderByReason why
 * @param notes         remarks about the sample, such as rows ignored for a different field count
 */
public record TableProposal(List<ColumnProposal> columns, String orderBy, String orderByReason, List<String> notes) {

    public TableProposal {
        columns = List.copyOf(columns);
        notes = List.copyOf(notes);
    }
}
