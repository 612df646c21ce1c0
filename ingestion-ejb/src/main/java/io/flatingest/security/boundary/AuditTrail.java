package io.flatingest.security.boundary;

import io.flatingest.security.entity.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The audit trail: who did what, when and from where. Every feature records its security-relevant actions here
 * (logins, user and connection changes, job start/stop/restart, uploads, downloads); administrators browse it.
 *
 * <p>An event is written in a transaction of its own, so it is kept even when the caller's work fails or rolls
 * back (a failed login, a refused change), and it is also written to the server log (logger
 * {@code io.flatingest.audit}). Details must never contain a password or secret.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger("io.flatingest.audit");

    @PersistenceContext(unitName = "flatingest")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /**
     * Records an event.
     *
     * @param actor   the user name ({@code system} for the application's own work)
     * @param action  what happened
     * @param target  the object acted on: user name, connection name, {@code execution 42}, a file path
     * @param details what changed, in words (no secrets); may be null
     * @param address the client's IP address (e.g. {@code CurrentUser.address()} in the web module); may be null
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String actor, AuditAction action, String target, String details, String address) {
        AuditEvent event = new AuditEvent(clock.instant(), actor == null ? "anonymous" : actor, action.name(), target,
                details, address);
        em.persist(event);
        LOG.info(() -> "AUDIT " + action + " by " + event.getActor() + " from " + address + " on " + target
                + (details == null ? "" : ": " + details));
    }

    /** Records an event for an {@link Actor}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Actor actor, AuditAction action, String target, String details) {
        record(actor.name(), action, target, details, actor.address());
    }

    /** Events matching the query, newest first. */
    public List<AuditEntry> search(AuditQuery query) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditEvent> cq = cb.createQuery(AuditEvent.class);
        Root<AuditEvent> e = cq.from(AuditEvent.class);
        List<Predicate> where = new ArrayList<>();
        if (query.actor() != null) {
            where.add(cb.equal(e.get("actor"), query.actor()));
        }
        if (query.action() != null) {
            where.add(cb.equal(e.get("action"), query.action().name()));
        }
        if (query.target() != null) {
            where.add(cb.like(cb.lower(e.get("target")), "%" + likeEscaped(query.target()) + "%", '\\'));
        }
        if (query.address() != null) {
            where.add(cb.equal(e.get("address"), query.address()));
        }
        if (query.from() != null) {
            where.add(cb.greaterThanOrEqualTo(e.get("occurredAt"), query.from()));
        }
        if (query.to() != null) {
            where.add(cb.lessThan(e.get("occurredAt"), query.to()));
        }
        if (query.beforeId() != null) {
            where.add(cb.lessThan(e.get("id"), query.beforeId()));
        }
        cq.select(e).where(where.toArray(Predicate[]::new)).orderBy(cb.desc(e.get("id")));
        return em.createQuery(cq).setMaxResults(query.limit()).getResultList().stream()
                .map(a -> new AuditEntry(a.getId(), a.getOccurredAt(), a.getActor(), a.getAction(), a.getTarget(),
                        a.getDetails(), a.getAddress()))
                .toList();
    }

    private static String likeEscaped(String s) {
        return s.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
