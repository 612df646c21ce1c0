package io.flatingest.transfer.faces;

import io.flatingest.report.boundary.ExecutionSummary;
import io.flatingest.report.boundary.ProgressView;

/** A line of a jobs table: the execution and, while it runs, its live progress. */
public record JobRow(ExecutionSummary execution, ProgressView progress) {

    /** Whether it has not ended yet. */
    public boolean isRunning() {
        return execution.ended() == null;
    }

    /** "import" or "export" (or the job name). */
    public String getKind() {
        return Formats.kind(execution.job());
    }

    /** The percentage done, 0 when unknown. */
    public double getPercent() {
        return progress == null || progress.percent() == null ? 0 : progress.percent();
    }

    /** A short line: rows, rate, ETA. */
    public String getProgressText() {
        if (progress == null) {
            return "";
        }
        String text = Formats.count(progress.rowsRead()) + " rows read, " + Formats.count(progress.rowsWritten())
                + " written";
        if (progress.rowsRejected() > 0) {
            text += ", " + Formats.count(progress.rowsRejected()) + " rejected";
        }
        if (progress.rowsPerSecond() > 0) {
            text += " · " + Formats.count(Math.round(progress.rowsPerSecond())) + " rows/s";
        }
        if (progress.etaSeconds() != null) {
            text += " · about " + Formats.duration(progress.etaSeconds() * 1000) + " left";
        }
        return text;
    }
}
