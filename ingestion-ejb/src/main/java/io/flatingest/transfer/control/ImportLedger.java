package io.flatingest.transfer.control;

import io.flatingest.transfer.entity.ImportChunk;
import io.flatingest.transfer.entity.PublishStep;
import jakarta.inject.Inject;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The import ledger (which attempt's staged rows count for each chunk) and the publication journal, in the
 * application database.
 */
@Stateless
public class ImportLedger {

    @PersistenceContext(unitName = "flatingest")
    EntityManager em;

    @Inject
    PublishSteps steps;

    /**
     * Records that a chunk was staged by an attempt. Must run inside the chunk's transaction, so that the entry
     * commits exactly when the checkpoint that moves past the chunk does.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(long instance, long chunkId, long attempt, long rows, long rejected) {
        List<ImportChunk> found = em.createQuery("SELECT c FROM ImportChunk c WHERE c.jobInstance = :i AND c.chunkId = :c",
                ImportChunk.class).setParameter("i", instance).setParameter("c", chunkId).getResultList();
        if (found.isEmpty()) {
            em.persist(new ImportChunk(instance, chunkId, attempt, rows, rejected));
        } else {
            found.get(0).replace(attempt, rows, rejected);
        }
    }

    /**
     * Forgets entries for chunks in [from, to): on a restart, chunks after the checkpoint are read and staged
     * again, so any entry there belongs to an attempt the checkpoint never confirmed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void discard(long instance, long from, long to) {
        em.createQuery("DELETE FROM ImportChunk c WHERE c.jobInstance = :i AND c.chunkId >= :f AND c.chunkId < :t")
                .setParameter("i", instance).setParameter("f", from).setParameter("t", to).executeUpdate();
    }

    /** The committed chunks of an import. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Totals totals(long instance) {
        Map<Long, Long> attempts = new HashMap<>();
        long rows = 0;
        long rejected = 0;
        for (ImportChunk c : em.createQuery("SELECT c FROM ImportChunk c WHERE c.jobInstance = :i", ImportChunk.class)
                .setParameter("i", instance).getResultList()) {
            if (c.getAttempt() != 0) {
                attempts.put(c.getChunkId(), c.getAttempt());
            }
            rows += c.getRowCount();
            rejected += c.getRejectedCount();
        }
        return new Totals(attempts, rows, rejected);
    }

    /**
     * What the ledger says about an import.
     *
     * @param attempts chunk id → the attempt whose staged rows count (chunks that staged nothing are absent)
     * @param rows     rows staged by committed chunks
     * @param rejected rows rejected in committed chunks
     */
    public record Totals(Map<Long, Long> attempts, long rows, long rejected) {
    }

    /** The publication journal of an import; every mark commits on its own before the call returns. */
    public PublishJournal journal(long instance) {
        return new PublishJournal() {
            @Override
            public boolean started() {
                return steps.count(instance) > 0;
            }

            @Override
            public boolean isDone(String step) {
                return steps.find(instance, step).map(s -> s.getState() == PublishStep.State.DONE).orElse(false);
            }

            @Override
            public Optional<String> sentQuery(String step) {
                return steps.find(instance, step).filter(s -> s.getState() == PublishStep.State.SENT)
                        .map(PublishStep::getQueryId);
            }

            @Override
            public void markSent(String step, String queryId) {
                steps.mark(instance, step, PublishStep.State.SENT, queryId);
            }

            @Override
            public void markDone(String step) {
                steps.mark(instance, step, PublishStep.State.DONE, null);
            }
        };
    }

    /** Forgets an import's ledger and journal once it is published or abandoned. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void forget(long instance) {
        em.createQuery("DELETE FROM ImportChunk c WHERE c.jobInstance = :i").setParameter("i", instance)
                .executeUpdate();
    }
}
