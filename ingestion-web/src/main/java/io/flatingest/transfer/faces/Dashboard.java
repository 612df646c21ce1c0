package io.flatingest.transfer.faces;

import io.flatingest.report.boundary.ExecutionFilter;
import io.flatingest.report.boundary.ExecutionSummary;
import io.flatingest.report.boundary.ReportService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard ({@code index.xhtml}): the transfers running now with their live progress (refreshed by Faces
 * ajax), the latest results, and counts of the recent ones.
 */
@Named
@RequestScoped
public class Dashboard {

    private static final int RECENT = 10;
    private static final int SCAN = 100;

    @Inject
    ReportService reports;

    private List<JobRow> running;
    private List<ExecutionSummary> recent;

    /** Transfers that have not ended, with progress. */
    public List<JobRow> getRunning() {
        load();
        return running;
    }

    /** The latest ended transfers, newest first. */
    public List<ExecutionSummary> getRecent() {
        load();
        return recent;
    }

    /** Whether the page should keep refreshing. */
    public boolean isLive() {
        return !getRunning().isEmpty();
    }

    private void load() {
        if (running != null) {
            return;
        }
        running = new ArrayList<>();
        recent = new ArrayList<>();
        for (ExecutionSummary e : reports.list(new ExecutionFilter(null, null, null, null, null), 0, SCAN).items()) {
            if (e.ended() == null) {
                running.add(new JobRow(e, JobList.progressOrNull(reports, e.executionId())));
            } else if (recent.size() < RECENT) {
                recent.add(e);
            }
        }
    }
}
