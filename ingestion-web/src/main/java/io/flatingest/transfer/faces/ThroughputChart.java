package io.flatingest.transfer.faces;

import io.flatingest.report.boundary.TransferReportView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rows per second of each chunk as bars of an inline SVG chart (no chart library): {@value #WIDTH}×{@value #HEIGHT}
 * user units, the last {@value #MAX_BARS} chunks.
 */
public record ThroughputChart(List<Bar> bars, double maxRate, double meanRate) {

    static final int WIDTH = 600;
    static final int HEIGHT = 160;
    static final int MAX_BARS = 300;
    static final int MAX_BAR_WIDTH = 40;

    /** One chunk: position and size in the SVG, and its tooltip. */
    public record Bar(String x, String y, String width, String height, String title) {
    }

    static ThroughputChart of(List<TransferReportView.Chunk> chunks) {
        List<TransferReportView.Chunk> shown = chunks.size() > MAX_BARS
                ? chunks.subList(chunks.size() - MAX_BARS, chunks.size()) : chunks;
        double max = 0;
        double sum = 0;
        for (TransferReportView.Chunk c : shown) {
            double rate = rate(c);
            max = Math.max(max, rate);
            sum += rate;
        }
        List<Bar> bars = new ArrayList<>();
        double w = shown.isEmpty() ? 0 : Math.min(MAX_BAR_WIDTH, (double) WIDTH / shown.size());
        for (int i = 0; i < shown.size(); i++) {
            TransferReportView.Chunk c = shown.get(i);
            double h = max == 0 ? 0 : (HEIGHT - 12) * rate(c) / max;
            bars.add(new Bar(num(i * w), num(HEIGHT - h), num(Math.max(1, w - 1)), num(h),
                    String.format(Locale.ROOT, "chunk %d (execution %d): %,d rows in %d ms = %,.0f rows/s", c.seq(),
                            c.executionId(), c.rows(), c.millis(), rate(c))));
        }
        return new ThroughputChart(bars, max, shown.isEmpty() ? 0 : sum / shown.size());
    }

    /** The highest rate, rounded, for the axis label. */
    public String getMaxLabel() {
        return String.format(Locale.ROOT, "%,.0f rows/s", maxRate);
    }

    /** The mean rate, rounded. */
    public String getMeanLabel() {
        return String.format(Locale.ROOT, "%,.0f rows/s", meanRate);
    }

    private static double rate(TransferReportView.Chunk c) {
        return c.rows() * 1000.0 / Math.max(1, c.millis());
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
