package io.flatingest.report.boundary;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import io.flatingest.report.entity.ChunkTiming;
import io.flatingest.report.entity.ExecutionReport;
import io.flatingest.report.entity.StepReport;
import io.flatingest.report.entity.TransferReport;
import io.flatingest.transfer.boundary.TransferService;
import io.flatingest.transfer.control.TransferProgress;
import io.flatingest.transfer.control.TransferTotalsStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
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
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportService {

    @PersistenceContext(unitName = "flatingest")
    EntityManager em;

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
        TransferReport t = em.find(TransferReport.class, instance);
        if (t == null) {
            throw new NoSuchElementException("No report for execution " + executionId);
        }
        List<TransferReportView.Execution> executions = new ArrayList<>();
        for (ExecutionReport e : em.createQuery("SELECT e FROM ExecutionReport e WHERE e.jobInstance = :i"
                + " ORDER BY e.executionId", ExecutionReport.class).setParameter("i", instance).getResultList()) {
            List<TransferReportView.Step> steps = em.createQuery("SELECT s FROM StepReport s WHERE s.executionId = :e"
                    + " ORDER BY s.started", StepReport.class).setParameter("e", e.getExecutionId()).getResultList()
                    .stream().map(ReportService::step).toList();
            executions.add(new TransferReportView.Execution(e.getExecutionId(), e.getStatus(), e.getExitStatus(),
                    e.getStarted(), e.getEnded(), millis(e.getStarted(), e.getEnded()), e.getFailure(), steps));
        }
        List<TransferReportView.Chunk> chunks = em.createQuery("SELECT c FROM ChunkTiming c WHERE c.jobInstance = :i"
                + " ORDER BY c.executionId, c.seq", ChunkTiming.class).setParameter("i", instance).getResultList()
                .stream().map(c -> new TransferReportView.Chunk(c.getExecutionId(), c.getSeq(), c.getEnded(),
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
        TransferReport t = em.find(TransferReport.class, instance);
        long bytesTotal = t != null && t.getTotalBytes() != null ? t.getTotalBytes() : 0;
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
        StringBuilder where = new StringBuilder(" FROM ExecutionReport e, TransferReport t"
                + " WHERE t.jobInstance = e.jobInstance");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.status() != null) {
            where.append(" AND e.status = :status");
            params.put("status", filter.status().toUpperCase());
        }
        if (filter.job() != null) {
            where.append(" AND e.jobName = :job");
            params.put("job", filter.job());
        }
        if (filter.user() != null) {
            where.append(" AND t.submittedBy = :user");
            params.put("user", filter.user());
        }
        if (filter.from() != null) {
            where.append(" AND e.started >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND e.started < :to");
            params.put("to", filter.to());
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e)" + where, Long.class);
        TypedQuery<Object[]> rows = em.createQuery("SELECT e, t" + where + " ORDER BY e.executionId DESC",
                Object[].class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        List<ExecutionSummary> items = rows.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(r -> {
                    ExecutionReport e = (ExecutionReport) r[0];
                    TransferReport t = (TransferReport) r[1];
                    return new ExecutionSummary(e.getExecutionId(), e.getJobInstance(), e.getJobName(), e.getStatus(),
                            e.getExitStatus(), t.getSubmittedBy(), e.getStarted(), e.getEnded(), t.getSource(),
                            t.getTarget());
                }).toList();
        return new Page<>(items, page, size, count.getSingleResult());
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
