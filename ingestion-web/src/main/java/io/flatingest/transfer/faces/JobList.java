package io.flatingest.transfer.faces;

import io.flatingest.report.boundary.ExecutionFilter;
import io.flatingest.report.boundary.ExecutionSummary;
import io.flatingest.report.boundary.Page;
import io.flatingest.report.boundary.ProgressView;
import io.flatingest.report.boundary.ReportService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The jobs list ({@code jobs.xhtml}): filters by status, kind and user as GET parameters (bookmarkable), pages of 25,
 * live progress of the running ones.
 */
@Named
@RequestScoped
public class JobList {

    static final int PAGE_SIZE = 25;

    @Inject
    ReportService reports;

    private String status;
    private String job;
    private String user;
    private int page;
    private Page<ExecutionSummary> result;
    private List<JobRow> rows;

    /** This page's rows. */
    public List<JobRow> getRows() {
        if (rows == null) {
            rows = result().items().stream().map(e -> new JobRow(e,
                    e.ended() == null ? progressOrNull(reports, e.executionId()) : null)).toList();
        }
        return rows;
    }

    /** How many executions match the filters. */
    public long getTotal() {
        return result().total();
    }

    public boolean isHasPrevious() {
        return page > 0;
    }

    public boolean isHasNext() {
        return (long) (page + 1) * PAGE_SIZE < result().total();
    }

    /** Whether something on this page is still running (the page keeps refreshing then). */
    public boolean isLive() {
        return getRows().stream().anyMatch(JobRow::isRunning);
    }

    /** The statuses to filter by. */
    public List<String> getStatuses() {
        return List.of("STARTED", "QUEUED", "COMPLETED", "FAILED", "STOPPED", "ABANDONED");
    }

    private Page<ExecutionSummary> result() {
        if (result == null) {
            result = reports.list(new ExecutionFilter(blankToNull(status), blankToNull(job), blankToNull(user), null,
                    null), Math.max(0, page), PAGE_SIZE);
        }
        return result;
    }

    static ProgressView progressOrNull(ReportService reports, long executionId) {
        try {
            return reports.progress(executionId);
        } catch (RuntimeException e) { // ended or unknown meanwhile: no progress to show
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getJob() {
        return job;
    }

    public void setJob(String job) {
        this.job = job;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
