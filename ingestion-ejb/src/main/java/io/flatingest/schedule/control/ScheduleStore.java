package io.flatingest.schedule.control;

import io.flatingest.schedule.entity.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/** Schedules in the application database. */
@Stateless
public class ScheduleStore {

    @PersistenceContext(unitName = "flatingest")
    EntityManager em;

    @Inject
    ScheduleLedger ledger;

    /** Every schedule by name. */
    public List<Schedule> list() {
        return em.createQuery("SELECT s FROM Schedule s ORDER BY s.name", Schedule.class).getResultList();
    }

    public Optional<Schedule> find(long id) {
        return Optional.ofNullable(em.find(Schedule.class, id));
    }

    public Optional<Schedule> findByName(String name) {
        return em.createQuery("SELECT s FROM Schedule s WHERE s.name = :n", Schedule.class).setParameter("n", name)
                .getResultList().stream().findFirst();
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
                .setParameter("now", now.toEpochMilli()).getResultList();
    }

    /**
     * Moves a schedule's next run from {@code expected} to {@code next} unless someone moved it meanwhile (another
     * server, a user's edit); returns whether it moved.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean advance(long id, Instant expected, Instant next) {
        return em.createQuery("UPDATE Schedule s SET s.nextRun = :next WHERE s.id = :id AND s.nextRun = :expected"
                + " AND s.paused = false")
                .setParameter("next", next == null ? null : next.toEpochMilli()).setParameter("id", id)
                .setParameter("expected", expected.toEpochMilli()).executeUpdate() == 1;
    }
}
