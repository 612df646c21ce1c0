package io.flatingest.transfer.control;

import io.flatingest.transfer.entity.ImportChunk;
import io.flatingest.transfer.entity.PublishStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The import ledger (which attempt's staged rows count for each chunk) and the publication journal, in the
 * application database.
 */
@ApplicationScoped
public class ImportLedger {

    @PersistenceContext(unitName = "flatingest")
    EntityManager em;

    @Inject
    PublishSteps steps;

    /**
     * Records that a chunk was staged by an attempt. Must run inside the chunk's transaction, so that the entry
     * commits exactly when the checkpoint that moves past the chunk does.
     */
    @Transactional(TxType.MANDATORY)
    public void record(long instance, long chunkId, long attempt, long rows) {
        List<ImportChunk> found = em.createQuery("SELECT c FROM ImportChunk c WHERE c.jobInstance = :i AND c.chunkId = :c",
                ImportChunk.class).setParameter("i", instance).setParameter("c", chunkId).getResultList();
        if (found.isEmpty()) {
            em.persist(new ImportChunk(instance, chunkId, attempt, rows));
        } else {
            found.get(0).replace(attempt, rows);
        }
    }

    /**
     * Forgets entries for chunks in [from, to): on a restart, chunks after the checkpoint are read and staged
     * again, so any entry there belongs to an attempt the checkpoint never confirmed.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void discard(long instance, long from, long to) {
        em.createQuery("DELETE FROM ImportChunk c WHERE c.jobInstance = :i AND c.chunkId >= :f AND c.chunkId < :t")
                .setParameter("i", instance).setParameter("f", from).setParameter("t", to).executeUpdate();
    }

    /** chunk id → attempt, for every committed chunk. */
    @Transactional(TxType.REQUIRES_NEW)
    public Map<Long, Long> committed(long instance) {
        Map<Long, Long> result = new HashMap<>();
        em.createQuery("SELECT c FROM ImportChunk c WHERE c.jobInstance = :i", ImportChunk.class)
                .setParameter("i", instance).getResultList().forEach(c -> result.put(c.getChunkId(), c.getAttempt()));
        return result;
    }

    /** Rows staged by committed chunks. */
    @Transactional(TxType.REQUIRES_NEW)
    public long committedRows(long instance) {
        Long sum = em.createQuery("SELECT SUM(c.rowCount) FROM ImportChunk c WHERE c.jobInstance = :i", Long.class)
                .setParameter("i", instance).getSingleResult();
        return sum == null ? 0 : sum;
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
    @Transactional(TxType.REQUIRES_NEW)
    public void forget(long instance) {
        em.createQuery("DELETE FROM ImportChunk c WHERE c.jobInstance = :i").setParameter("i", instance)
                .executeUpdate();
    }
}
