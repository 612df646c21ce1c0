package io.flatingest.report.boundary;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import io.flatingest.report.control.ReportRecords;
import io.flatingest.report.entity.ExecutionReport;
import io.flatingest.report.entity.StepReport;
import io.flatingest.report.entity.TransferReport;
import io.flatingest.transfer.boundary.TransferService;
import io.flatingest.transfer.control.TransferProgress;
import io.flatingest.transfer.control.TransferTotalsStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Reads the kept reports: one transfer in full (JSON or CSV), live progress, and filtered lists of executions. */
@ApplicationScoped
public class ReportService {

    @Inject
    ReportRecords records;

    @Inject
    TransferService transfers;

    @Inject
    TransferTotalsStore totals;

    @Inject
    TransferProgress progress;

    /**
     * The report of the transfer an execution belongs to.
     *
     * @throws NoSuchElementException for an unknown execution
     */
    public TransferReportView report(long executionId) {
        long instance = transfers.transferOf(executionId);
        TransferReport t = records.transfer(instance).orElseThrow(() -> new NoSuchElementException(
                "No report for execution " + executionId));
        List<TransferReportView.Execution> executions = new ArrayList<>();
        for (ExecutionReport e : records.executions(instance)) {
            List<TransferReportView.Step> steps = records.steps(e.getExecutionId()).stream()
                    .map(ReportService::step).toList();
            executions.add(new TransferReportView.Execution(e.getExecutionId(), e.getStatus(), e.getExitStatus(),
                    e.getStarted(), e.getEnded(), millis(e.getStarted(), e.getEnded()), e.getFailure(), steps));
        }
        List<TransferReportView.Chunk> chunks = records.chunks(instance).stream()
                .map(c -> new TransferReportView.Chunk(c.getExecutionId(), c.getSeq(), c.getEnded(),
                        c.getMillis(), c.getRowCount(), c.getByteCount())).toList();
        TransferReportView.Totals sums = totals.find(instance).map(x -> new TransferReportView.Totals(x.rowsRead(),
                x.rowsWritten(), x.rowsRejected(), x.bytesRead(), x.bytesWritten()))
                .orElse(new TransferReportView.Totals(0, 0, 0, 0, 0));
        TransferReportView.Reconciliation reconciliation = t.getReconciliationExpected() == null ? null
                : new TransferReportView.Reconciliation(t.getReconciliationExpected(), t.getReconciliationActual(),
                t.getReconciliationExpected().equals(t.getReconciliationActual()), t.getReconciliationNote());
        long latest = executions.isEmpty() ? executionId : executions.get(executions.size() - 1).executionId();
        return new TransferReportView(instance, t.getJobName(), t.getSubmittedBy(), t.getSubmitted(), t.getSource(),
                t.getTarget(), parameters(t.getParameters()), t.getTotalBytes(), sums, reconciliation, executions,
                chunks, transfers.running(latest) ? progress(latest) : null);
    }

    /**
     * Live progress of an execution: rows and bytes done, percent and ETA for file sources, current throughput.
     *
     * @throws NoSuchElementException for an unknown execution
     */
    public ProgressView progress(long executionId) {
        long instance = transfers.transferOf(executionId);
        boolean running = transfers.running(executionId);
        Optional<TransferProgress.Counters> live = running ? progress.find(instance) : Optional.empty();
        TransferTotalsStore.Totals kept = totals.find(instance).orElse(null);
        String state = live.map(c -> c.state).orElseGet(() -> transfers.execution(executionId)
                .map(e -> e.status()).orElse("UNKNOWN"));
        Long total = records.transfer(instance).map(TransferReport::getTotalBytes).orElse(null);
        long bytesTotal = total == null ? 0 : total;
        if (live.isPresent()) {
            TransferProgress.Counters c = live.get();
            long done = c.bytesDone.get();
            double rate = c.rowsPerSecond();
            double byteRate = c.bytesPerSecond();
            Double percent = bytesTotal > 0 ? Math.min(100.0, 100.0 * done / bytesTotal) : null;
            Long eta = bytesTotal > 0 && byteRate > 0 ? (long) Math.ceil((bytesTotal - done) / byteRate) : null;
            return new ProgressView(executionId, state, c.read.get(), c.written.get(), c.rejected.get(), done,
                    bytesTotal, percent, eta, rate, byteRate, Duration.between(c.started, Instant.now()).toSeconds());
        }
        long done = kept == null ? 0 : kept.bytesRead();
        return new ProgressView(executionId, state, kept == null ? 0 : kept.rowsRead(),
                kept == null ? 0 : kept.rowsWritten(), kept == null ? 0 : kept.rowsRejected(), done, bytesTotal,
                bytesTotal > 0 ? Math.min(100.0, 100.0 * done / bytesTotal) : null, null, 0, 0, 0);
    }

    /** Executions matching the filter, newest first. */
    public Page<ExecutionSummary> list(ExecutionFilter filter, int page, int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new IllegalArgumentException("page must be >= 0 and size between 1 and 500");
        }
        ReportRecords.Rows rows = records.list(filter.status() == null ? null : filter.status().toUpperCase(),
                filter.job(), filter.user(), filter.from(), filter.to(), page * size, size);
        List<ExecutionSummary> items = rows.rows().stream().map(r -> {
            ExecutionReport e = r.execution();
            TransferReport t = r.transfer();
            return new ExecutionSummary(e.getExecutionId(), e.getJobInstance(), e.getJobName(), e.getStatus(),
                    e.getExitStatus(), t.getSubmittedBy(), e.getStarted(), e.getEnded(), t.getSource(), t.getTarget());
        }).toList();
        return new Page<>(items, page, size, rows.total());
    }

    /** The report as CSV: one section per part, each with its header line. */
    public String csv(long executionId) {
        TransferReportView r = report(executionId);
        StringWriter out = new StringWriter();
        try (ICSVWriter csv = new CSVWriterBuilder(out).withLineEnd("\n").build()) {
            csv.writeNext(new String[] {"transfer", "job", "submitted_by", "submitted", "source", "target",
                "total_bytes", "rows_read", "rows_written", "rows_rejected", "bytes_read", "bytes_written",
                "reconciliation_expected", "reconciliation_actual", "reconciliation_matches", "reconciliation_note"});
            TransferReportView.Reconciliation rc = r.reconciliation();
            csv.writeNext(new String[] {Long.toString(r.transfer()), r.job(), r.submittedBy(), str(r.submitted()),
                r.source(), r.target(), str(r.totalBytes()), Long.toString(r.totals().rowsRead()),
                Long.toString(r.totals().rowsWritten()), Long.toString(r.totals().rowsRejected()),
                Long.toString(r.totals().bytesRead()), Long.toString(r.totals().bytesWritten()),
                rc == null ? "" : Long.toString(rc.expected()), rc == null ? "" : Long.toString(rc.actual()),
                rc == null ? "" : Boolean.toString(rc.matches()), rc == null ? "" : rc.note()});
            csv.writeNext(new String[0]);
            csv.writeNext(new String[] {"execution", "step", "status", "exit_status", "started", "ended",
                "duration_ms", "read", "written", "filtered", "skipped", "commits", "rollbacks", "rows_per_second",
                "failure"});
            for (TransferReportView.Execution e : r.executions()) {
                csv.writeNext(new String[] {Long.toString(e.executionId()), "", e.status(), e.exitStatus(),
                    str(e.started()), str(e.ended()), str(e.durationMillis()), "", "", "", "", "", "", "", e.failure()});
                for (TransferReportView.Step s : e.steps()) {
                    csv.writeNext(new String[] {Long.toString(e.executionId()), s.name(), s.status(), s.exitStatus(),
                        str(s.started()), str(s.ended()), str(s.durationMillis()), Long.toString(s.read()),
                        Long.toString(s.written()), Long.toString(s.filtered()), Long.toString(s.skipped()),
                        Long.toString(s.commits()), Long.toString(s.rollbacks()),
                        s.rowsPerSecond() == null ? "" : String.format("%.1f", s.rowsPerSecond()), s.failure()});
                }
            }
            csv.writeNext(new String[0]);
            csv.writeNext(new String[] {"execution", "chunk", "ended", "millis", "rows", "bytes"});
            for (TransferReportView.Chunk c : r.chunks()) {
                csv.writeNext(new String[] {Long.toString(c.executionId()), Integer.toString(c.seq()), str(c.ended()),
                    Long.toString(c.millis()), Long.toString(c.rows()), Long.toString(c.bytes())});
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    private static TransferReportView.Step step(StepReport s) {
        Long duration = millis(s.getStarted(), s.getEnded());
        Double rate = duration == null || duration == 0 ? null : s.getWriteCount() * 1000.0 / duration;
        return new TransferReportView.Step(s.getStep(), s.getStatus(), s.getExitStatus(), s.getStarted(), s.getEnded(),
                duration, s.getReadCount(), s.getWriteCount(), s.getFilterCount(), s.getSkipCount(),
                s.getCommitCount(), s.getRollbackCount(), rate, s.getFailure());
    }

    private static Long millis(Instant start, Instant end) {
        return start == null || end == null ? null : Duration.between(start, end).toMillis();
    }

    private static Map<String, String> parameters(String json) {
        Map<String, String> result = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return result;
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            reader.readObject().forEach((k, v) -> result.put(k, v.getValueType() == jakarta.json.JsonValue.ValueType.STRING
                    ? ((jakarta.json.JsonString) v).getString() : v.toString()));
        }
        return result;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
