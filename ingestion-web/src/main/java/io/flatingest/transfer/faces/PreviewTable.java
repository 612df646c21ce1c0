package io.flatingest.transfer.faces;

import io.flatingest.preview.boundary.FilePreview;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file preview ready for a page: column headings, rows of cells with the reason a cell would be rejected, and every
 * problem as a sentence. Serializable copy of {@link FilePreview} for the wizard's view scope.
 */
public record PreviewTable(List<String> headings, List<Row> rows, List<String> problems, int rejectedRows,
                           boolean complete) implements Serializable {

    /** Most problems listed (the cells are all marked). */
    static final int MAX_PROBLEMS = 100;

    /** One record: its line and cells. */
    public record Row(long line, boolean rejected, List<Cell> cells) implements Serializable {
    }

    /** One value, null shown as NULL; {@code problem} when the import would reject it. */
    public record Cell(String value, String problem) implements Serializable {
    }

    static PreviewTable of(FilePreview p) {
        List<String> headings = p.columns().stream()
                .map(c -> c.type() == null ? c.name() : c.name() + " " + c.type()).toList();
        Map<String, String> byCell = new HashMap<>();
        Map<Long, String> byLine = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (FilePreview.CellWarning w : p.warnings()) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(w.message());
            }
            if (w.column() == null) {
                byLine.putIfAbsent(w.line(), w.reason());
            } else {
                byCell.putIfAbsent(w.line() + "\u0000" + w.column(), w.reason());
            }
        }
        List<Row> rows = new ArrayList<>();
        int rejected = 0;
        for (FilePreview.PreviewRow r : p.rows()) {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < p.columns().size(); i++) {
                String value = i < r.values().size() ? r.values().get(i) : null;
                String problem = byCell.get(r.line() + "\u0000" + p.columns().get(i).name());
                cells.add(new Cell(value, problem));
            }
            if (r.rejected()) {
                rejected++;
                if (cells.stream().noneMatch(c -> c.problem() != null) && !cells.isEmpty()) {
                    String reason = byLine.getOrDefault(r.line(), "rejected");
                    cells.set(0, new Cell(cells.get(0).value(), reason));
                }
            }
            rows.add(new Row(r.line(), r.rejected(), cells));
        }
        return new PreviewTable(headings, rows, problems, rejected, p.complete());
    }
}
