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

/** Writes reports as transfers are submitted and run. Each call but {@link #chunk} commits on its own. */
@Stateless
public class ReportStore {

    @PersistenceContext(unitName = "flatingest")
    EntityManager em;

    /** A transfer was submitted (recorded once per job instance; a restart keeps the first record). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void submitted(long instance, String jobName, String submittedBy, String source, String target,
                          String parameters, Long totalBytes) {
        if (em.find(TransferReport.class, instance) == null) {
            TransferReport r = new TransferReport(instance, jobName, submittedBy, source, target, parameters);
            r.setTotalBytes(totalBytes);
            em.persist(r);
        }
    }

    /** An execution began. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void executionStarted(long executionId, long instance, String jobName) {
        if (em.find(ExecutionReport.class, executionId) == null) {
            em.persist(new ExecutionReport(executionId, instance, jobName));
        }
    }

    /** An execution is waiting for a free transfer slot, or running again after waiting. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void executionStatus(long executionId, String status) {
        ExecutionReport r = em.find(ExecutionReport.class, executionId);
        if (r != null && r.getEnded() == null) {
            r.status(status);
        }
    }

    /** An execution ended. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void executionEnded(long executionId, String status, String exitStatus, String failure) {
        ExecutionReport r = em.find(ExecutionReport.class, executionId);
        if (r != null) {
            r.end(status, exitStatus, failure);
        }
    }

    /** A step began. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void stepStarted(long executionId, String step) {
        StepReport existing = em.find(StepReport.class, new StepReport.Key(executionId, step));
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        em.persist(new StepReport(executionId, step));
    }

    /** A step ended with its metrics. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void stepEnded(long executionId, String step, String status, String exitStatus, long read, long write,
                          long filter, long skip, long commit, long rollback, String failure) {
        StepReport r = em.find(StepReport.class, new StepReport.Key(executionId, step));
        if (r == null) {
            r = new StepReport(executionId, step);
            em.persist(r);
        }
        r.end(status, exitStatus, read, write, filter, skip, commit, rollback, failure);
    }

    /** One chunk's timing; inside the chunk's transaction, so a rolled-back chunk leaves none. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void chunk(long executionId, int seq, long instance, long millis, long rows, long bytes) {
        em.persist(new ChunkTiming(executionId, seq, instance, millis, rows, bytes));
    }

    /** What reconciliation found for a transfer. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void reconcile(long instance, long expected, long actual, String note) {
        TransferReport r = em.find(TransferReport.class, instance);
        if (r != null) {
            r.reconcile(expected, actual, note);
        }
    }
}
