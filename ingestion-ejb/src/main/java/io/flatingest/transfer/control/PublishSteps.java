package io.flatingest.transfer.control;

import io.flatingest.transfer.entity.PublishStep;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Storage of publication steps; each call is its own transaction, committed before it returns. */
@Stateless
public class PublishSteps {

    @PersistenceContext(unitName = "flatingest")
    EntityManager em;

    /** How many steps an import's publication recorded (not counting {@code meta:} notes kept beside them). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long count(long instance) {
        return em.createQuery("SELECT COUNT(s) FROM PublishStep s WHERE s.jobInstance = :i"
                + " AND s.step NOT LIKE 'meta:%'", Long.class)
                .setParameter("i", instance).getSingleResult();
    }

    /** One step, if recorded. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<PublishStep> find(long instance, String step) {
        return em.createQuery("SELECT s FROM PublishStep s WHERE s.jobInstance = :i AND s.step = :s", PublishStep.class)
                .setParameter("i", instance).setParameter("s", step).getResultStream().findFirst();
    }

    /** Records a step's state; durable when this returns. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void mark(long instance, String step, PublishStep.State state, String queryId) {
        PublishStep s = em.createQuery("SELECT s FROM PublishStep s WHERE s.jobInstance = :i AND s.step = :s",
                PublishStep.class).setParameter("i", instance).setParameter("s", step).getResultStream().findFirst()
                .orElseGet(() -> {
                    PublishStep created = new PublishStep(instance, step);
                    em.persist(created);
                    return created;
                });
        s.mark(state, queryId);
    }
}
