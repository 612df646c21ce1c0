package io.flatingest.transfer.faces;

import io.flatingest.report.boundary.ReportService;
import io.flatingest.report.boundary.TransferReportView;
import io.flatingest.security.boundary.Roles;
import io.flatingest.security.faces.RequireRole;
import io.flatingest.security.web.CurrentUser;
import io.flatingest.transfer.boundary.TransferService;
import io.flatingest.web.faces.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A job's page ({@code job.xhtml?id=…}): its kept report (metrics, reconciliation, timeline), the throughput of each
 * chunk as a chart, the rejected rows of an import, the file of an export, and Stop / Restart / Abandon where they
 * apply — offered to operators only and refused to others on the server ({@link RequireRole}).
 */
@Named
@ViewScoped
public class JobPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> RUNNING = Set.of("STARTING", "STARTED", "STOPPING");
    private static final Set<String> RESTARTABLE = Set.of("FAILED", "STOPPED");

    @Inject
    ReportService reports;

    @Inject
    TransferService transfers;

    @Inject
    CurrentUser currentUser;

    @Inject
    RejectedRows rejectedRows;

    private long id;
    private transient TransferReportView report;
    private transient RejectedRows.Sample rejects;
    private String missing;

    /** Loads the report; a page for an unknown execution says so. */
    public void load() {
        report = null;
        try {
            report();
        } catch (NoSuchElementException | IllegalArgumentException e) {
            missing = "There is no job " + id + ".";
        } catch (RuntimeException e) {
            missing = "There is no report for job " + id + ": " + e.getMessage();
        }
    }

    /** The report (read once per request). */
    public TransferReportView getReport() {
        return missing == null ? report() : null;
    }

    private TransferReportView report() {
        if (report == null) {
            report = reports.report(id);
        }
        return report;
    }

    /** Why there is no report, or null. */
    public String getMissing() {
        return missing;
    }

    /** Re-reads the report (Faces ajax, while it runs). */
    public void refresh() {
        report = null;
    }

    /** The latest execution of the transfer: the one actions apply to. */
    public TransferReportView.Execution getLatest() {
        List<TransferReportView.Execution> executions = getReport().executions();
        return executions.isEmpty() ? null : executions.get(executions.size() - 1);
    }

    /** The latest execution's id (the transfer's current one). */
    public long getLatestId() {
        TransferReportView.Execution latest = getLatest();
        return latest == null ? id : latest.executionId();
    }

    /** The status of the latest execution. */
    public String getStatus() {
        TransferReportView.Execution latest = getLatest();
        return latest == null ? "UNKNOWN" : latest.status();
    }

    public boolean isRunning() {
        return RUNNING.contains(getStatus()) || getReport().progress() != null;
    }

    public boolean isImport() {
        return "file-import".equals(getReport().job());
    }

    public boolean isExport() {
        return "file-export".equals(getReport().job());
    }

    public String getKind() {
        return Formats.kind(getReport().job());
    }

    public double getPercent() {
        var p = getReport().progress();
        return p == null || p.percent() == null ? 0 : p.percent();
    }

    public boolean isCanStop() {
        return currentUser.isOperator() && isRunning();
    }

    public boolean isCanRestart() {
        return currentUser.isOperator() && !isRunning() && RESTARTABLE.contains(getStatus());
    }

    public boolean isCanAbandon() {
        return currentUser.isOperator() && !isRunning() && RESTARTABLE.contains(getStatus());
    }

    /** Whether an export's file can be downloaded. */
    public boolean isCanDownload() {
        return currentUser.isOperator() && isExport() && "COMPLETED".equals(getStatus());
    }

    /** Whether the rejected rows of an import may be seen. */
    public boolean isCanSeeRejects() {
        return currentUser.isOperator() && isImport() && getReport().totals().rowsRejected() > 0;
    }

    /** The first rejected rows (operators only: they hold file content). */
    public RejectedRows.Sample getRejects() {
        if (rejects == null && isCanSeeRejects()) {
            rejects = rejectedRows.sample(getLatestId());
        }
        return rejects;
    }

    /** The chart of rows per second per chunk. */
    public ThroughputChart getChart() {
        return ThroughputChart.of(getReport().chunks());
    }

    /** What happened, in order. */
    public List<Timeline.Event> getTimeline() {
        return Timeline.of(getReport());
    }

    /** Stops the running execution. */
    @RequireRole(Roles.OPERATOR)
    public String stop() {
        return act(() -> transfers.stop(getLatestId()), "Stop requested for job " + getLatestId() + ".", null);
    }

    /** Restarts the failed or stopped execution from its last checkpoint; shows the new execution. */
    @RequireRole(Roles.OPERATOR)
    public String restart() {
        long[] next = new long[1];
        String outcome = act(() -> next[0] = transfers.restart(getLatestId()), null, "");
        if (outcome == null) {
            return null;
        }
        Messages.info("Job " + getLatestId() + " restarted as job " + next[0] + ".");
        return "job?faces-redirect=true&id=" + next[0];
    }

    /** Gives up a failed or stopped execution for good (an import's staged rows are dropped). */
    @RequireRole(Roles.OPERATOR)
    public String abandon() {
        return act(() -> transfers.abandon(getLatestId()), "Job " + getLatestId() + " abandoned.", null);
    }

    private String act(Runnable action, String done, String outcome) {
        try {
            action.run();
        } catch (IllegalStateException | IllegalArgumentException | NoSuchElementException e) {
            Messages.error(null, e.getMessage());
            return null;
        }
        if (done != null) {
            Messages.info(done);
        }
        report = null;
        return outcome == null ? "job?faces-redirect=true&id=" + id : outcome;
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }
}
