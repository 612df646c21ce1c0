package io.flatingest.schedule.control;

import io.flatingest.schedule.entity.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Schedules in the application database. Reads bypass the persistence provider's shared cache: the ledger moves
 * next runs with plain SQL, and other servers sharing the database change schedules too.
 */
@Stateless
public class ScheduleStore {

    private static final String RETRIEVE_MODE = "jakarta.persistence.cache.retrieveMode";

    @PersistenceContext(unitName = "flatingest")
    EntityManager em;

    @Inject
    ScheduleLedger ledger;

    /** Every schedule by name. */
    public List<Schedule> list() {
        return em.createQuery("SELECT s FROM Schedule s ORDER BY s.name", Schedule.class)
                .setHint(RETRIEVE_MODE, CacheRetrieveMode.BYPASS).getResultList();
    }

    public Optional<Schedule> find(long id) {
        return Optional.ofNullable(em.find(Schedule.class, id, Map.of(RETRIEVE_MODE, CacheRetrieveMode.BYPASS)));
    }

    public Optional<Schedule> findByName(String name) {
        return em.createQuery("SELECT s FROM Schedule s WHERE s.name = :n", Schedule.class).setParameter("n", name)
                .setHint(RETRIEVE_MODE, CacheRetrieveMode.BYPASS).getResultList().stream().findFirst();
    }

    /** Stores a new schedule; returns it with its id. */
    public Schedule create(Schedule schedule) {
        em.persist(schedule);
        em.flush();
        return schedule;
    }

    /**
     * Applies a change to a schedule and returns it.
     *
     * @throws NoSuchElementException for an unknown id
     */
    public Schedule change(long id, Consumer<Schedule> change) {
        Schedule s = find(id).orElseThrow(() -> new NoSuchElementException("No schedule " + id));
        change.accept(s);
        em.flush();
        return s;
    }

    /** Deletes a schedule with its ticks, files and runs. */
    public void delete(long id) {
        Schedule s = find(id).orElseThrow(() -> new NoSuchElementException("No schedule " + id));
        ledger.forget(id);
        em.remove(s);
    }

    /** Active schedules whose next run is due at {@code now}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Schedule> due(Instant now) {
        return em.createQuery("SELECT s FROM Schedule s WHERE s.paused = false AND s.nextRun IS NOT NULL"
                + " AND s.nextRun <= :now ORDER BY s.nextRun", Schedule.class)
                .setHint(RETRIEVE_MODE, CacheRetrieveMode.BYPASS)
                .setParameter("now", now.toEpochMilli()).getResultList();
    }
}
