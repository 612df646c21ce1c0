package io.flatingest.report.control;

import io.flatingest.report.entity.ChunkTiming;
import io.flatingest.report.entity.ExecutionReport;
import io.flatingest.report.entity.StepReport;
import io.flatingest.report.entity.TransferReport;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the kept reports (an EJB: the persistence unit lives in this module). */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ReportRecords {

    @PersistenceContext(unitName = "flatingest")
    EntityManager em;

    /** What a transfer is. */
    public Optional<TransferReport> transfer(long instance) {
        return Optional.ofNullable(em.find(TransferReport.class, instance));
    }

    /** A transfer's executions, oldest first. */
    public List<ExecutionReport> executions(long instance) {
        return em.createQuery("SELECT e FROM ExecutionReport e WHERE e.jobInstance = :i ORDER BY e.executionId",
                ExecutionReport.class).setParameter("i", instance).getResultList();
    }

    /** An execution's steps in the order they began. */
    public List<StepReport> steps(long executionId) {
        return em.createQuery("SELECT s FROM StepReport s WHERE s.executionId = :e ORDER BY s.started",
                StepReport.class).setParameter("e", executionId).getResultList();
    }

    /** A transfer's chunk timings in order. */
    public List<ChunkTiming> chunks(long instance) {
        return em.createQuery("SELECT c FROM ChunkTiming c WHERE c.jobInstance = :i ORDER BY c.executionId, c.seq",
                ChunkTiming.class).setParameter("i", instance).getResultList();
    }

    /** An execution with its transfer, for lists. */
    public record Row(ExecutionReport execution, TransferReport transfer) {
    }

    /** A page of rows and how many match in all. */
    public record Rows(List<Row> rows, long total) {
    }

    /** Executions matching the filter (null fields do not filter), newest first. */
    public Rows list(String status, String job, String user, Instant from, Instant to, int first, int max) {
        StringBuilder where = new StringBuilder(" FROM ExecutionReport e, TransferReport t"
                + " WHERE t.jobInstance = e.jobInstance");
        Map<String, Object> params = new LinkedHashMap<>();
        if (status != null) {
            where.append(" AND e.status = :status");
            params.put("status", status);
        }
        if (job != null) {
            where.append(" AND e.jobName = :job");
            params.put("job", job);
        }
        if (user != null) {
            where.append(" AND t.submittedBy = :user");
            params.put("user", user);
        }
        if (from != null) {
            where.append(" AND e.started >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" AND e.started < :to");
            params.put("to", to);
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e)" + where, Long.class);
        TypedQuery<Object[]> rows = em.createQuery("SELECT e, t" + where + " ORDER BY e.executionId DESC",
                Object[].class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        List<Row> page = rows.setFirstResult(first).setMaxResults(max).getResultList().stream()
                .map(r -> new Row((ExecutionReport) r[0], (TransferReport) r[1])).toList();
        return new Rows(page, count.getSingleResult());
    }
}
